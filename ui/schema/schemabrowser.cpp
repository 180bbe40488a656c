// SPDX-License-Identifier: GPL-3.0-or-later
#include "schemabrowser.h"
#include "icons.h"

#include "schema/migrationmodulecache.h"
#include "schema/schemareplayer.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Retort {

namespace {

QString shortId(const QString &id)
{
    return id.left(12);
}

QIcon kindIcon(SchemaObject::Kind kind)
{
    switch (kind) {
    case SchemaObject::Kind::Column:
        return Icons::action(QStringLiteral("code-variable"));
    case SchemaObject::Kind::Index:
        return Icons::action(QStringLiteral("view-sort-ascending"));
    case SchemaObject::Kind::PrimaryKey:
    case SchemaObject::Kind::ForeignKey:
    case SchemaObject::Kind::Unique:
    case SchemaObject::Kind::Check:
        return Icons::action(QStringLiteral("emblem-locked"));
    }
    return QIcon();
}

} // namespace

SchemaBrowser::SchemaBrowser(QWidget *parent)
    : QWidget(parent)
    , m_model(new QStandardItemModel(this))
{
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::RichText);
    m_compareBox = new QComboBox(this);
    m_compareBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_compareBox->setToolTip(tr("Show what changed since another revision"));
    auto *compareLabel = new QLabel(tr("&Compare with:"), this);
    compareLabel->setBuddy(m_compareBox);
    connect(m_compareBox, &QComboBox::activated, this, [this](int index) {
        compareWith(m_compareBox->itemData(index).toString());
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addSpacing(12);
    top->addWidget(compareLabel);
    top->addWidget(m_compareBox);

    m_view = new QTreeView(this);
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(true);

    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);

    connect(&m_watcher, &QFutureWatcher<SchemaSnapshot>::finished, this, &SchemaBrowser::deliver);
    showSnapshot(SchemaSnapshot());
}

SchemaBrowser::~SchemaBrowser()
{
    m_watcher.waitForFinished();
}

void SchemaBrowser::setProject(const RevisionMap &map)
{
    m_map = map;
    m_revision.clear();
    m_compareWith.clear();
    fillCompareBox();
    request();
}

void SchemaBrowser::setDialect(SqlDialect dialect)
{
    if (dialect == m_dialect)
        return;
    m_dialect = dialect;
    request();
}

void SchemaBrowser::showRevision(const QString &revision)
{
    if (revision == m_revision)
        return;
    m_revision = revision;
    request();
}

void SchemaBrowser::compareWith(const QString &base)
{
    m_compareWith = base;
    const int index = m_compareBox->findData(base);
    m_compareBox->setCurrentIndex(index < 0 ? 0 : index);
    request();
}

void SchemaBrowser::fillCompareBox()
{
    m_compareBox->clear();
    m_compareBox->addItem(tr("Nothing"), QString());
    m_compareBox->addItem(tr("base (empty database)"), QStringLiteral("base"));
    const QStringList order = m_map.isValid() ? m_map.historyOrder() : QStringList();
    for (const QString &id : order) {
        const Revision *revision = m_map.revision(id);
        m_compareBox->addItem(QStringLiteral("%1 — %2").arg(shortId(id), revision ? revision->doc() : QString()), id);
    }
}

void SchemaBrowser::request()
{
    if (m_revision.isEmpty() || !m_map.isValid()) {
        ++m_generation;
        showSnapshot(SchemaSnapshot());
        return;
    }
    if (m_watcher.isRunning()) {
        m_pending = true;
        return;
    }
    const quint64 generation = ++m_generation;
    const RevisionMap map = m_map;
    const SqlDialect dialect = m_dialect;
    const QString revision = m_revision;
    const QString base = m_compareWith;
    m_title->setText(tr("Replaying the migrations up to <b>%1</b>…").arg(shortId(revision)));
    m_watcher.setFuture(QtConcurrent::run([map, dialect, revision, base, generation] {
        SchemaSnapshot snapshot = replayNow(map, dialect, revision, base);
        snapshot.generation = generation;
        return snapshot;
    }));
}

void SchemaBrowser::deliver()
{
    const SchemaSnapshot snapshot = m_watcher.result();
    if (m_pending) {
        m_pending = false;
        request();
        return;
    }
    if (snapshot.generation == m_generation)
        showSnapshot(snapshot);
}

SchemaSnapshot SchemaBrowser::replayNow(const RevisionMap &map, SqlDialect dialect,
                                        const QString &revision, const QString &compareWith)
{
    SchemaSnapshot snapshot;
    snapshot.revision = revision;
    snapshot.compareWith = compareWith;
    MigrationModuleCache cache;
    const SchemaReplayer replayer(map, sqlDialectName(dialect), cache);
    const Result<SchemaReplay> replay = replayer.replay(revision);
    if (!replay) {
        snapshot.errorString = replay.error();
        return snapshot;
    }
    snapshot.tables = SchemaDescription::describe(replay->schema, dialect);
    snapshot.diagnostics = replay->diagnostics;
    if (!compareWith.isEmpty()) {
        QList<TableDescription> before;
        if (compareWith != QLatin1String("base")) {
            const Result<SchemaReplay> other = replayer.replay(compareWith);
            if (!other) {
                snapshot.errorString = other.error();
                return snapshot;
            }
            before = SchemaDescription::describe(other->schema, dialect);
            snapshot.diagnostics += other->diagnostics;
        }
        snapshot.changes = SchemaDiff::compare(before, snapshot.tables);
    }
    return snapshot;
}

void SchemaBrowser::showSnapshot(const SchemaSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_model->clear();
    if (snapshot.revision.isEmpty()) {
        m_title->setText(tr("Select a revision to see the schema it leaves behind."));
        m_note->hide();
        Q_EMIT updated();
        return;
    }
    if (!snapshot.errorString.isEmpty()) {
        m_title->setText(tr("Cannot replay up to <b>%1</b>").arg(shortId(snapshot.revision)));
        m_note->setText(snapshot.errorString);
        m_note->show();
        Q_EMIT updated();
        return;
    }
    if (snapshot.compareWith.isEmpty())
        fillTables(snapshot);
    else
        fillChanges(snapshot);

    if (snapshot.diagnostics.isEmpty()) {
        m_note->hide();
    } else {
        QStringList lines;
        for (const Diagnostic &diagnostic : snapshot.diagnostics.mid(0, 3))
            lines << diagnostic.toString().toHtmlEscaped();
        m_note->setText(tr("<b>Incomplete:</b> %1 — the schema may differ from the database's.<br>%2")
                            .arg(snapshot.diagnostics.size() == 1
                                     ? tr("1 migration problem")
                                     : tr("%n migration problems", nullptr, int(snapshot.diagnostics.size())),
                                 lines.join(QLatin1String("<br>"))));
        m_note->show();
    }
    Q_EMIT updated();
}

void SchemaBrowser::fillTables(const SchemaSnapshot &snapshot)
{
    const qsizetype tableCount = snapshot.tables.size();
    m_title->setText(tr("Schema after <b>%1</b> — %2")
                         .arg(shortId(snapshot.revision),
                              tableCount == 1 ? tr("1 table") : tr("%n tables", nullptr, int(tableCount))));
    m_model->setHorizontalHeaderLabels({tr("Name"), tr("Definition")});
    for (const TableDescription &table : snapshot.tables) {
        auto *tableItem = new QStandardItem(Icons::action(QStringLiteral("table")), table.name);
        QFont bold = tableItem->font();
        bold.setBold(true);
        tableItem->setFont(bold);
        auto *tableDetail = new QStandardItem(table.comment);
        for (const SchemaObject &object : table.objects) {
            auto *name = new QStandardItem(kindIcon(object.kind), object.name);
            name->setToolTip(SchemaDescription::kindName(object.kind));
            tableItem->appendRow({name, new QStandardItem(object.detail)});
        }
        m_model->appendRow({tableItem, tableDetail});
    }
    m_view->expandAll();
    m_view->resizeColumnToContents(0);
}

void SchemaBrowser::fillChanges(const SchemaSnapshot &snapshot)
{
    const QString base = snapshot.compareWith == QLatin1String("base") ? tr("base") : shortId(snapshot.compareWith);
    const qsizetype changeCount = snapshot.changes.size();
    m_title->setText(tr("Changes from <b>%1</b> to <b>%2</b> — %3")
                         .arg(base, shortId(snapshot.revision),
                              changeCount == 1 ? tr("1 change") : tr("%n changes", nullptr, int(changeCount))));
    m_model->setHorizontalHeaderLabels({tr("Change"), tr("Definition")});
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    const QColor added = dark ? QColor(0x6c, 0xd0, 0x7a) : QColor(0x1e, 0x7b, 0x34);
    const QColor removed = dark ? QColor(0xf0, 0x74, 0x74) : QColor(0xb3, 0x26, 0x1e);
    const QColor changed = dark ? QColor(0xf6, 0xb2, 0x5a) : QColor(0xa0, 0x5a, 0x00);

    QHash<QString, QStandardItem *> tables;
    for (const SchemaChange &change : snapshot.changes) {
        QString sign;
        QColor colour;
        switch (change.change) {
        case SchemaChange::Change::Added:
            sign = tr("+ added");
            colour = added;
            break;
        case SchemaChange::Change::Removed:
            sign = tr("− removed");
            colour = removed;
            break;
        case SchemaChange::Change::Changed:
            sign = tr("~ changed");
            colour = changed;
            break;
        }
        if (change.isTable) {
            auto *item = new QStandardItem(QStringLiteral("%1 %2").arg(change.table, sign));
            item->setForeground(colour);
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
            m_model->appendRow({item, new QStandardItem(tr("table"))});
            continue;
        }
        QStandardItem *tableItem = tables.value(change.table);
        if (!tableItem) {
            tableItem = new QStandardItem(change.table);
            QFont bold = tableItem->font();
            bold.setBold(true);
            tableItem->setFont(bold);
            m_model->appendRow({tableItem, new QStandardItem(tr("table changed"))});
            tables.insert(change.table, tableItem);
        }
        auto *item = new QStandardItem(kindIcon(change.kind),
                                       QStringLiteral("%1 %2").arg(change.object, sign));
        item->setForeground(colour);
        item->setToolTip(SchemaDescription::kindName(change.kind));
        const QString detail = change.change == SchemaChange::Change::Changed
                                   ? QStringLiteral("%1  →  %2").arg(change.before, change.after)
                                   : (change.after.isEmpty() ? change.before : change.after);
        tableItem->appendRow({item, new QStandardItem(detail)});
    }
    if (snapshot.changes.isEmpty())
        m_model->appendRow(new QStandardItem(tr("No differences")));
    m_view->expandAll();
    m_view->resizeColumnToContents(0);
}

} // namespace Retort
