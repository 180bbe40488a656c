// SPDX-License-Identifier: GPL-3.0-or-later
// retort-bench: times Retort's reading of large Alembic projects.
//
//   retort-bench [--repeat N] PROJECT...
//
// PROJECT is anything retort-cli's --project accepts (usually a folder with alembic.ini).
// For each project and each of N repetitions it measures, in one process:
//   scan   finding the revision files (ScriptDirectory::files)
//   read   reading every header (ScriptDirectory::readRevisionFiles + collect)
//   map    building the RevisionMap
//   header ScriptHeaderReader::read() of every file already in memory, one thread
//          (the fast path for ordinary scripts), and the same through the full
//          tokenizer (ScriptHeaderReader::readWithTokenizer) for comparison
//   load   the three together: what every command pays before answering
//   heads  RevisionMap::heads() + realHeads() on the built map
//   plan   the offline `upgrade base:heads` plan (MigrationPlanner)
//   tokens PythonTokenizer over every file already in memory, one thread
//   parse  PythonParser::parseBytes of every file already in memory, one thread
//   sql    the bodies and the script of `upgrade base:heads --sql --dialect sqlite`
//          (MigrationSqlSource::prepare on every core + OfflineScriptWriter::write)
// and prints the median and the minimum of each, in milliseconds.
#include "commands/migrationsqlsource.h"
#include "commands/offlinescriptwriter.h"
#include "config/projectlocator.h"
#include "python/pythonparser.h"
#include "python/pythontokenizer.h"
#include "python/scriptheaderreader.h"
#include "revision/migrationplanner.h"
#include "revision/revisionmap.h"
#include "revision/versiontablesql.h"
#include "script/scriptdirectory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStringList>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

struct Samples
{
    std::vector<double> values;

    void add(qint64 nanoseconds) { values.push_back(double(nanoseconds) / 1e6); }
    double median() const
    {
        std::vector<double> sorted = values;
        std::sort(sorted.begin(), sorted.end());
        const size_t n = sorted.size();
        return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
    double minimum() const { return *std::min_element(values.begin(), values.end()); }
};

QString figure(const Samples &s)
{
    return QStringLiteral("%1 ms (min %2)").arg(s.median(), 0, 'f', 2).arg(s.minimum(), 0, 'f', 2);
}

// Runs every measurement `repeat` times on one project; false (message on stderr) when
// the project cannot be read or planned.
bool benchProject(const QString &path, int repeat, QTextStream &out)
{
    QTextStream err(stderr);
    const Retort::Result<Retort::ProjectLayout> layout = Retort::ProjectLocator::locate(path);
    if (!layout) {
        err << path << ": " << layout.error() << Qt::endl;
        return false;
    }
    Samples scan, read, build, load, heads, plan, header, headerFull, tokens, parse, sql;
    qsizetype revisionCount = 0;
    qsizetype headCount = 0;
    qsizetype realHeadCount = 0;
    qsizetype stepCount = 0;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer total;
        total.start();
        QElapsedTimer timer;
        timer.start();
        const QStringList files = Retort::ScriptDirectory::files(*layout);
        scan.add(timer.nsecsElapsed());

        timer.restart();
        const Retort::ScriptDirectoryContents contents =
            Retort::ScriptDirectory::collect(Retort::ScriptDirectory::readRevisionFiles(files));
        read.add(timer.nsecsElapsed());
        if (contents.hasErrors()) {
            err << path << ": " << contents.firstError()->message << Qt::endl;
            return false;
        }

        timer.restart();
        const Retort::RevisionMap map(contents.revisions);
        build.add(timer.nsecsElapsed());
        load.add(total.nsecsElapsed());
        if (!map.isValid()) {
            err << path << ": " << map.errorString() << Qt::endl;
            return false;
        }

        QList<QByteArray> sources;
        for (const QString &file : files) {
            QFile source(file);
            sources.append(source.open(QIODevice::ReadOnly) ? source.readAll() : QByteArray());
        }
        qsizetype headerRevisions = 0;
        timer.restart();
        for (qsizetype f = 0; f < files.size(); ++f)
            headerRevisions +=
                Retort::ScriptHeaderReader::read(sources.at(f), files.at(f)).revision.isPresent();
        header.add(timer.nsecsElapsed());
        timer.restart();
        for (qsizetype f = 0; f < files.size(); ++f)
            headerRevisions -=
                Retort::ScriptHeaderReader::readWithTokenizer(sources.at(f), files.at(f))
                    .revision.isPresent();
        headerFull.add(timer.nsecsElapsed());
        if (headerRevisions != 0) {
            err << path << ": the two header readers disagree" << Qt::endl;
            return false;
        }

        timer.restart();
        const QStringList versionedHeads = map.heads();
        const QStringList realHeads = map.realHeads();
        heads.add(timer.nsecsElapsed());

        timer.restart();
        const Retort::MigrationPlanner planner(map);
        const auto upgrade = planner.offline(Retort::MigrationStep::Direction::Upgrade,
                                             QStringLiteral("base:heads"));
        plan.add(timer.nsecsElapsed());
        if (!upgrade) {
            err << path << ": upgrade base:heads: " << upgrade.errorString() << Qt::endl;
            return false;
        }
        qsizetype tokenCount = 0;
        timer.restart();
        for (qsizetype f = 0; f < files.size(); ++f) {
            QString text;
            Retort::Diagnostic error;
            if (!Retort::PythonTokenizer::decode(sources.at(f), files.at(f), &text, &error))
                continue;
            Retort::PythonTokenizer tokenizer(text, files.at(f));
            for (;;) {
                const Retort::PythonToken token = tokenizer.next();
                ++tokenCount;
                if (token.kind == Retort::PythonToken::Kind::EndMarker ||
                    token.kind == Retort::PythonToken::Kind::Error)
                    break;
            }
        }
        tokens.add(timer.nsecsElapsed());

        qsizetype parsed = 0;
        timer.restart();
        for (qsizetype f = 0; f < files.size(); ++f)
            parsed += Retort::PythonParser::parseBytes(sources.at(f), files.at(f)) != nullptr;
        parse.add(timer.nsecsElapsed());

        timer.restart();
        Retort::OfflineScriptWriter writer(
            map, Retort::VersionTableSql(Retort::VersionTableSql::Dialect::Sqlite));
        Retort::MigrationSqlSource bodies(map, Retort::SqlDialect::Sqlite);
        bodies.prepare(upgrade->steps);
        writer.setStepStatements(bodies.hook());
        const Retort::Result<QString> script = writer.write(upgrade.value());
        sql.add(timer.nsecsElapsed());
        if (!script) {
            err << path << ": upgrade base:heads --sql: " << script.error() << Qt::endl;
            return false;
        }
        if (parsed != files.size() || tokenCount == 0) {
            err << path << ": not every file parses" << Qt::endl;
            return false;
        }
        revisionCount = map.size();
        headCount = versionedHeads.size();
        realHeadCount = realHeads.size();
        stepCount = upgrade->steps.size();
    }
    out << path << Qt::endl
        << QStringLiteral("  revisions %1, heads %2 (real %3), upgrade base:heads steps %4, "
                          "%5 repetitions")
               .arg(revisionCount)
               .arg(headCount)
               .arg(realHeadCount)
               .arg(stepCount)
               .arg(repeat)
        << Qt::endl
        << "  scan   " << figure(scan) << Qt::endl
        << "  read   " << figure(read) << Qt::endl
        << "  map    " << figure(build) << Qt::endl
        << "  load   " << figure(load) << "   (scan + read + map)" << Qt::endl
        << "  header " << figure(header) << "   (headers of files in memory, one thread)"
        << Qt::endl
        << "  header " << figure(headerFull) << "   (the same through the full tokenizer)"
        << Qt::endl
        << "  heads  " << figure(heads) << Qt::endl
        << "  plan   " << figure(plan) << "   (upgrade base:heads)" << Qt::endl
        << "  tokens " << figure(tokens) << "   (PythonTokenizer, files in memory, one thread)"
        << Qt::endl
        << "  parse  " << figure(parse) << "   (PythonParser, files in memory, one thread)"
        << Qt::endl
        << "  sql    " << figure(sql) << "   (upgrade base:heads --sql bodies + script, sqlite)"
        << Qt::endl;
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int repeat = 5;
    if (args.size() >= 2 && args.first() == QLatin1String("--repeat")) {
        repeat = std::max(1, args.at(1).toInt());
        args = args.mid(2);
    }
    if (args.isEmpty()) {
        std::fputs("usage: retort-bench [--repeat N] PROJECT...\n", stderr);
        return 2;
    }
    QTextStream out(stdout);
    bool ok = true;
    for (const QString &path : std::as_const(args))
        ok = benchProject(path, repeat, out) && ok;
    return ok ? 0 : 1;
}
