// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/operations.h"

namespace Retort {

namespace {

template<typename... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template<typename... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

template<typename Variant>
QString nameOf(const Variant &operation)
{
    return std::visit(
        Overloaded{
            [](const CreateTable &) { return QStringLiteral("create_table"); },
            [](const DropTable &) { return QStringLiteral("drop_table"); },
            [](const AddColumn &) { return QStringLiteral("add_column"); },
            [](const DropColumn &) { return QStringLiteral("drop_column"); },
            [](const AlterColumn &) { return QStringLiteral("alter_column"); },
            [](const CreateIndex &) { return QStringLiteral("create_index"); },
            [](const DropIndex &) { return QStringLiteral("drop_index"); },
            [](const RenameTable &) { return QStringLiteral("rename_table"); },
            [](const CreatePrimaryKey &) { return QStringLiteral("create_primary_key"); },
            [](const CreateForeignKey &) { return QStringLiteral("create_foreign_key"); },
            [](const CreateUniqueConstraint &) {
                return QStringLiteral("create_unique_constraint");
            },
            [](const CreateCheckConstraint &) {
                return QStringLiteral("create_check_constraint");
            },
            [](const DropConstraint &) { return QStringLiteral("drop_constraint"); },
            [](const CreateTableComment &) { return QStringLiteral("create_table_comment"); },
            [](const DropTableComment &) { return QStringLiteral("drop_table_comment"); },
            [](const Execute &) { return QStringLiteral("execute"); },
            [](const BulkInsert &) { return QStringLiteral("bulk_insert"); },
            [](const CreateEnumType &) { return QStringLiteral("create_enum_type"); },
            [](const DropEnumType &) { return QStringLiteral("drop_enum_type"); },
            [](const AutocommitBlockBegin &) { return QStringLiteral("autocommit_block"); },
            [](const AutocommitBlockEnd &) { return QStringLiteral("end_autocommit_block"); },
            [](const BatchAlterTable &) { return QStringLiteral("batch_alter_table"); },
        },
        operation);
}

} // namespace

SourceRange operationRange(const Operation &operation)
{
    return std::visit([](const OperationBase &base) { return base.range; }, operation);
}

SourceRange operationRange(const BatchOperation &operation)
{
    return std::visit([](const OperationBase &base) { return base.range; }, operation);
}

QString operationName(const Operation &operation)
{
    return nameOf(operation);
}

QString operationName(const BatchOperation &operation)
{
    return nameOf(operation);
}

} // namespace Retort
