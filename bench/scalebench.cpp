// SPDX-License-Identifier: GPL-3.0-or-later
// retort-scale-bench: how load time and memory grow with the size of a project.
//
//   retort-scale-bench [--keep DIR] [N...]        (default N: 1000 10000 50000)
//   retort-scale-bench --one N DIR [REPEAT]       (one generated size, one line; used by the above)
//
// For each N, a synthetic project of N revisions is generated (a main line; every 40th
// revision opens a side branch of 8 revisions that merges back; every 100th revision
// starts a branch that stays open, with a branch label; every 250th depends_on an older
// revision) and measured in a fresh process (best time of 7 runs), so that peak memory is
// per size:
// (times are CPU milliseconds of the process, all threads):
//   load    locate + scan + read headers + RevisionMap (what retort-cli does first)
//   heads   RevisionMap::heads()
//   plan    MigrationPlanner::upgrade(base -> heads): the full upgrade plan
//   layout  GraphLayout (the GUI's lanes)
//   rss     peak resident set size (VmHWM)
// then the growth factor of each figure per step (1k -> 10k is x10, 10k -> 50k x5), where
// linear growth shows as a factor close to the step, and the cost per revision, where it
// shows as a constant. Times include the memory hierarchy: 50,000 revisions outgrow the
// CPU caches, which costs a little per revision; scale.sh --instructions counts the work
// itself.
#include "config/projectlocator.h"
#include "graph/graphlayout.h"
#include "revision/migrationplanner.h"
#include "revision/revisionmap.h"
#include "script/scriptdirectory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>

#include <unistd.h>

using namespace Retort;

namespace {

void print(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

// CPU time of the whole process (every thread), not wall-clock time: the figures stay
// comparable on a machine busy with other work, which only stretches wall-clock time.
class CpuTimer
{
public:
    CpuTimer() { restart(); }
    void restart() { m_start = now(); }
    double elapsedMs() const { return (now() - m_start) / 1e6; }

private:
    static double now()
    {
        timespec t{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
        return double(t.tv_sec) * 1e9 + double(t.tv_nsec);
    }
    double m_start = 0;
};

double peakRssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

QString revisionId(int i)
{
    return QStringLiteral("%1").arg(i, 12, 10, QLatin1Char('0'));
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QString pythonTuple(const QStringList &ids)
{
    if (ids.isEmpty())
        return QStringLiteral("None");
    if (ids.size() == 1)
        return QLatin1Char('\'') + ids.first() + QLatin1Char('\'');
    return QStringLiteral("('") + ids.join(QStringLiteral("', '")) + QStringLiteral("')");
}

bool generate(const QString &root, int count)
{
    const QString versions = root + QStringLiteral("/migrations/versions");
    if (!QDir().mkpath(versions) ||
        !writeFile(root + QStringLiteral("/alembic.ini"),
                   "[alembic]\nscript_location = %(here)s/migrations\n") ||
        !writeFile(root + QStringLiteral("/migrations/env.py"), "# not run\n"))
        return false;
    int mainTip = -1;     // the main line's newest revision
    int sideTip = -1;     // the open side branch's newest revision (merges back)
    int sideLength = 0;
    for (int i = 0; i < count; ++i) {
        QStringList down;
        QString labels = QStringLiteral("None");
        QString depends = QStringLiteral("None");
        if (i % 100 == 50 && mainTip >= 0) {
            // A branch that stays open: one revision off the main line, labelled.
            down = {revisionId(mainTip)};
            labels = QStringLiteral("'branch_%1'").arg(i);
        } else if (i % 40 == 1 && mainTip >= 0 && sideTip < 0) {
            down = {revisionId(mainTip)};
            sideTip = i;
            sideLength = 1;
        } else if (sideTip >= 0 && sideLength < 8 && i % 2 == 0) {
            down = {revisionId(sideTip)};
            sideTip = i;
            ++sideLength;
        } else {
            if (mainTip >= 0)
                down.append(revisionId(mainTip));
            if (sideTip >= 0 && sideLength >= 8) {
                down.append(revisionId(sideTip));
                sideTip = -1;
            }
            mainTip = i;
        }
        if (i % 250 == 249)
            depends = QLatin1Char('\'') + revisionId(i - 200) + QLatin1Char('\'');
        const QString text = QStringLiteral("\"\"\"revision %1\n\nRevision ID: %2\n\"\"\"\n"
                                            "from alembic import op\nimport sqlalchemy as sa\n\n"
                                            "revision = '%2'\ndown_revision = %3\n"
                                            "branch_labels = %4\ndepends_on = %5\n\n\n"
                                            "def upgrade():\n    op.add_column('t', "
                                            "sa.Column('c%1', sa.Integer()))\n\n\n"
                                            "def downgrade():\n    op.drop_column('t', 'c%1')\n")
                                 .arg(i)
                                 .arg(revisionId(i), pythonTuple(down), labels, depends);
        if (!writeFile(versions + QLatin1Char('/') + revisionId(i) + QStringLiteral("_r.py"),
                       text.toUtf8()))
            return false;
    }
    return true;
}

// One measurement of an already generated project: "N load heads plan layout - steps
// headcount rows" in *fields.
int measureRun(int count, const QString &dir, QStringList *fields)
{
    CpuTimer timer;
    const Result<ProjectLayout> layout = ProjectLocator::locate(dir);
    if (!layout) {
        std::fprintf(stderr, "%s\n", qPrintable(layout.error()));
        return 1;
    }
    const ScriptDirectoryContents contents = ScriptDirectory::load(layout.value());
    const RevisionMap map(contents.revisions);
    const double load = timer.elapsedMs();
    if (!map.isValid() || contents.hasErrors()) {
        std::fprintf(stderr, "invalid project: %s\n", qPrintable(map.errorString()));
        return 1;
    }

    timer.restart();
    const QStringList heads = map.heads();
    const double headsMs = timer.elapsedMs();

    timer.restart();
    const MigrationPlanner planner(map);
    const RevisionResult<MigrationPlan> plan = planner.upgrade({}, QStringLiteral("heads"));
    const double planMs = timer.elapsedMs();
    if (!plan) {
        std::fprintf(stderr, "plan failed: %s\n", qPrintable(plan.errorString()));
        return 1;
    }

    timer.restart();
    const GraphLayout graph(map);
    const double layoutMs = timer.elapsedMs();

    *fields = QStringList{QString::number(count),
                          QString::number(load, 'f', 2),
                          QString::number(headsMs, 'f', 3),
                          QString::number(planMs, 'f', 2),
                          QString::number(layoutMs, 'f', 2),
                          QStringLiteral("-"),
                          QString::number(plan->steps.size()),
                          QString::number(heads.size()),
                          QString::number(graph.rowCount())};
    return 0;
}

// One size, in this process, on a project generated beforehand: the best time of
// `repeat` runs for each figure (the machine may be busy), the peak memory over all.
int measureOne(int count, const QString &dir, int repeat)
{
    QStringList best;
    for (int run = 0; run < repeat; ++run) {
        QStringList fields;
        if (const int status = measureRun(count, dir, &fields))
            return status;
        if (best.isEmpty()) {
            best = fields;
            continue;
        }
        for (const int column : {1, 2, 3, 4}) {
            if (fields.at(column).toDouble() < best.at(column).toDouble())
                best[column] = fields.at(column);
        }
    }
    best[5] = QString::number(peakRssMiB(), 'f', 1);
    print(best.join(QLatin1Char(' ')) + QLatin1Char('\n'));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.value(0) == QLatin1String("--one") && args.size() >= 3)
        return measureOne(args.at(1).toInt(), args.at(2), std::max(1, args.value(3).toInt()));

    QString keep;
    if (args.value(0) == QLatin1String("--keep") && args.size() >= 2) {
        keep = args.at(1);
        args = args.mid(2);
    }
    QList<int> sizes;
    for (const QString &arg : std::as_const(args))
        sizes.append(arg.toInt());
    if (sizes.isEmpty())
        sizes = {1000, 10000, 50000};

    print(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
              .arg(QStringLiteral("revisions"), 9)
              .arg(QStringLiteral("load cpu ms"), 12)
              .arg(QStringLiteral("heads ms"), 9)
              .arg(QStringLiteral("plan ms"), 9)
              .arg(QStringLiteral("layout ms"), 10)
              .arg(QStringLiteral("peak MiB"), 9)
              .arg(QStringLiteral("steps"), 7)
              .arg(QStringLiteral("heads"), 6));
    QList<QList<double>> rows;
    for (const int size : std::as_const(sizes)) {
        QTemporaryDir temporary;
        const QString dir = keep.isEmpty() ? temporary.path()
                                           : keep + QStringLiteral("/scale-%1").arg(size);
        if (!generate(dir, size)) {
            std::fprintf(stderr, "cannot write the project of %d revisions\n", size);
            return 1;
        }
        // Written back before measuring, so that no write-back competes with the reading.
        ::sync();
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--one"), QString::number(size), dir, QStringLiteral("7")});
        child.waitForFinished(-1);
        const QStringList fields =
            QString::fromUtf8(child.readAllStandardOutput()).simplified().split(QLatin1Char(' '));
        if (child.exitCode() != 0 || fields.size() != 9) {
            std::fprintf(stderr, "the measurement of %d revisions failed\n", size);
            return 1;
        }
        QList<double> row;
        for (const QString &field : fields)
            row.append(field.toDouble());
        rows.append(row);
        print(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                  .arg(fields.at(0), 9)
                  .arg(fields.at(1), 12)
                  .arg(fields.at(2), 9)
                  .arg(fields.at(3), 9)
                  .arg(fields.at(4), 10)
                  .arg(fields.at(5), 9)
                  .arg(fields.at(6), 7)
                  .arg(fields.at(7), 6));
    }
    print(QStringLiteral("\ngrowth factor per step (linear = the size factor):\n"));
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QList<double> &a = rows.at(i - 1);
        const QList<double> &b = rows.at(i);
        const auto factor = [&](int column) {
            return a.at(column) > 0 ? QString::number(b.at(column) / a.at(column), 'f', 1)
                                    : QStringLiteral("-");
        };
        print(QStringLiteral("%1 -> %2 (x%3): load x%4, plan x%5, layout x%6, peak RSS x%7\n")
                  .arg(a.at(0))
                  .arg(b.at(0))
                  .arg(QString::number(b.at(0) / a.at(0), 'f', 0), factor(1), factor(3),
                       factor(4), factor(5)));
    }
    print(QStringLiteral("\ncost per revision (linear = the same at every size):\n"));
    for (const QList<double> &row : std::as_const(rows)) {
        const auto perRevision = [&](int column) {
            return QString::number(row.at(column) * 1000.0 / row.at(0), 'f', 2);
        };
        print(QStringLiteral("%1: load %2 us, plan %3 us, layout %4 us\n")
                  .arg(row.at(0), 9)
                  .arg(perRevision(1), perRevision(3), perRevision(4)));
    }
    return 0;
}
