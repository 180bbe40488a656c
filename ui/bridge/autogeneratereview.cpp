// SPDX-License-Identifier: GPL-3.0-or-later
#include "autogeneratereview.h"

#include "editor/sqlpreviewpanel.h"
#include "ops/interpreter.h"
#include "ops/operations.h"
#include "python/pythonast.h"
#include "schema/migrationmodulecache.h"

#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSet>
#include <QSplitter>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <type_traits>
#include <variant>

namespace Retort {

namespace {

enum ChecklistRole { HintRole = Qt::UserRole + 1 };

// The table an operation works on, when it has a plain one.
QString operationTable(const Operation &operation)
{
    return std::visit(
        [](const auto &op) -> QString {
            using T = std::decay_t<decltype(op)>;
            if constexpr (std::is_same_v<T, CreateTable>)
                return op.table.name;
            else if constexpr (requires { op.table; }) {
                if constexpr (std::is_convertible_v<decltype(op.table), QString>)
                    return op.table;
                else
                    return QString();
            } else
                return QString();
        },
        operation);
}

} // namespace

AutogenerateReview::AutogenerateReview(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *checklistLabel = new QLabel(
        tr("Autogenerate does not see everything. Check each point, then tick it:"), this);
    checklistLabel->setWordWrap(true);
    m_checklist = new QListWidget(this);
    m_checklist->setWordWrap(true);
    m_checklist->setAlternatingRowColors(true);

    m_operations = new QTreeWidget(this);
    m_operations->setColumnCount(3);
    m_operations->setHeaderLabels({tr("Line"), tr("Operation"), tr("Table")});
    m_operations->setRootIsDecorated(false);
    m_operations->setUniformRowHeights(true);
    m_operations->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_operations->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(m_operations, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT locationActivated(m_path, item->text(0).toInt());
    });

    m_preview = new SqlPreviewPanel(this);
    connect(m_preview, &SqlPreviewPanel::locationActivated, this, &AutogenerateReview::locationActivated);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_title);
    topLayout->addWidget(checklistLabel);
    topLayout->addWidget(m_checklist, 3);
    topLayout->addWidget(new QLabel(tr("Generated operations (upgrade):"), top));
    topLayout->addWidget(m_operations, 2);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);
    fillChecklist({});
}

void AutogenerateReview::setRevision(const LoadedProject &project, const QString &path,
                                     const QStringList &detected)
{
    m_path = path;
    m_revision.clear();
    for (const Revision &revision : project.map.revisions()) {
        if (QDir::cleanPath(revision.path) == QDir::cleanPath(path)) {
            m_revision = revision.id;
            break;
        }
    }
    m_title->setText(tr("Review of %1 (%2): Alembic detected %n change(s).", nullptr,
                        int(detected.size()))
                         .arg(QDir::toNativeSeparators(path), m_revision));

    m_operations->clear();
    QSet<BlindSpot> hints;
    Diagnostic error;
    const std::unique_ptr<PythonModule> module = MigrationModuleCache::load(path, &error);
    if (!module) {
        auto *item = new QTreeWidgetItem(m_operations, {QString::number(error.line), error.message});
        item->setIcon(1, style()->standardIcon(QStyle::SP_MessageBoxWarning));
    } else {
        const InterpretedFunction upgrade =
            Interpreter(*module).interpret(QStringLiteral("upgrade"), QStringLiteral("sqlite"));
        QSet<QString> dropped, added;
        bool tableDropped = false;
        bool tableCreated = false;
        for (const Operation &operation : upgrade.operations) {
            const QString name = operationName(operation);
            const QString table = operationTable(operation);
            new QTreeWidgetItem(m_operations,
                                {QString::number(operationRange(operation).start.line),
                                 QStringLiteral("op.") + name, table});
            if (name == QLatin1String("drop_column"))
                dropped.insert(table);
            else if (name == QLatin1String("add_column"))
                added.insert(table);
            else if (name == QLatin1String("drop_table"))
                tableDropped = true;
            else if (name == QLatin1String("create_table"))
                tableCreated = true;
            else if (name == QLatin1String("alter_column"))
                hints << BlindSpot::TypeChange << BlindSpot::ServerDefault;
            else if (name.startsWith(QLatin1String("create_")) && name.endsWith(QLatin1String("constraint")))
                hints << BlindSpot::ConstraintName;
        }
        if (!dropped.intersect(added).isEmpty() || (tableDropped && tableCreated))
            hints << BlindSpot::Rename;
        for (const Diagnostic &d : upgrade.diagnostics)
            new QTreeWidgetItem(m_operations, {QString::number(d.line), d.message});
    }
    fillChecklist(hints);

    m_preview->setProject(project);
    if (!m_revision.isEmpty())
        m_preview->showMigration(m_revision, MigrationStep::Direction::Upgrade);
}

void AutogenerateReview::fillChecklist(const QSet<BlindSpot> &hints)
{
    struct Item
    {
        BlindSpot spot;
        QString text;
    };
    const QList<Item> items{
        {BlindSpot::Rename,
         tr("Renamed tables and columns: autogenerate sees a rename as a drop and an add, which "
            "loses the data. Replace such a pair with op.rename_table() or "
            "op.alter_column(new_column_name=…).")},
        {BlindSpot::Enum,
         tr("Enum values: added or removed values of an Enum are not detected. Change the type "
            "by hand (on PostgreSQL: ALTER TYPE … ADD VALUE).")},
        {BlindSpot::ServerDefault,
         tr("Server defaults: changed server_default values are compared only when env.py sets "
            "compare_server_default=True.")},
        {BlindSpot::ConstraintName,
         tr("Constraint names: unnamed constraints get names from the database, which downgrade "
            "cannot know. Name every constraint (or use a naming convention).")},
        {BlindSpot::TypeChange,
         tr("Type changes: column types are compared only with compare_type (the default from "
            "Alembic 1.12 on); check lengths, precision and alter_column(type_=…).")},
    };
    m_checklist->clear();
    for (const Item &entry : items) {
        const bool flagged = hints.contains(entry.spot);
        auto *item = new QListWidgetItem(
            flagged ? tr("Likely here — %1").arg(entry.text) : entry.text, m_checklist);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setData(HintRole, flagged);
        if (flagged) {
            item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
    }
}

QStringList AutogenerateReview::flaggedItems() const
{
    QStringList flagged;
    for (int i = 0; i < m_checklist->count(); ++i) {
        if (m_checklist->item(i)->data(HintRole).toBool())
            flagged << m_checklist->item(i)->text();
    }
    return flagged;
}

} // namespace Retort
