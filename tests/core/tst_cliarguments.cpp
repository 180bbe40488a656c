// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/cliargumentparser.h"

#include <QRegularExpression>
#include <QTest>

using namespace Retort;

class TestCliArguments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void globalOptionsAreStored();
    void commandOptionSpellings_data();
    void commandOptionSpellings();
    void positionalRevisions_data();
    void positionalRevisions();
    void usageErrors_data();
    void usageErrors();
    void helpListsEveryCommand();
    void commandHelp();
    void versionText();
};

void TestCliArguments::globalOptionsAreStored()
{
    const CliParseResult r = CliArgumentParser().parse(
        {QStringLiteral("-c"), QStringLiteral("my.ini"), QStringLiteral("--name=other"),
         QStringLiteral("-x"), QStringLiteral("a=1"), QStringLiteral("-xb=2"),
         QStringLiteral("--project"), QStringLiteral("/p"), QStringLiteral("--url"),
         QStringLiteral("sqlite://"), QStringLiteral("heads")});
    QCOMPARE(r.outcome, CliParseResult::Outcome::Run);
    QCOMPARE(r.arguments.configFile, QStringLiteral("my.ini"));
    QCOMPARE(r.arguments.section, QStringLiteral("other"));
    QCOMPARE(r.arguments.xArguments, QStringList({QStringLiteral("a=1"), QStringLiteral("b=2")}));
    QCOMPARE(r.arguments.project, QStringLiteral("/p"));
    QCOMPARE(r.arguments.url, QStringLiteral("sqlite://"));
    QCOMPARE(r.arguments.command, QStringLiteral("heads"));
    QCOMPARE(CliArgumentParser().parse({QStringLiteral("heads")}).arguments.section,
             QStringLiteral("alembic"));
}

void TestCliArguments::commandOptionSpellings_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");

    auto row = [](const char *name, QStringList args, const char *field, const char *value) {
        QTest::newRow(name) << args << QString::fromLatin1(field) << QString::fromLatin1(value);
    };
    row("heads -v", {QStringLiteral("heads"), QStringLiteral("-v")}, "verbose", "1");
    row("heads --verbose", {QStringLiteral("heads"), QStringLiteral("--verbose")}, "verbose", "1");
    row("heads --verb (abbreviation)", {QStringLiteral("heads"), QStringLiteral("--verb")},
        "verbose", "1");
    row("heads --resolve-dependencies",
        {QStringLiteral("heads"), QStringLiteral("--resolve-dependencies")}, "resolve", "1");
    row("history -r a:b", {QStringLiteral("history"), QStringLiteral("-r"), QStringLiteral("a:b")},
        "range", "a:b");
    row("history -ra:b", {QStringLiteral("history"), QStringLiteral("-ra:b")}, "range", "a:b");
    row("history --rev-range=-1:", {QStringLiteral("history"), QStringLiteral("--rev-range=-1:")},
        "range", "-1:");
    row("history --rev-range :x",
        {QStringLiteral("history"), QStringLiteral("--rev-range"), QStringLiteral(":x")}, "range",
        ":x");
    row("history -vi", {QStringLiteral("history"), QStringLiteral("-vi")}, "indicate", "1");
    row("history -i", {QStringLiteral("history"), QStringLiteral("-i")}, "indicate", "1");
    row("upgrade --sql",
        {QStringLiteral("upgrade"), QStringLiteral("--sql"), QStringLiteral("heads")}, "sql", "1");
    row("upgrade x --dialect mysql",
        {QStringLiteral("upgrade"), QStringLiteral("x"), QStringLiteral("--dialect"),
         QStringLiteral("mysql")},
        "dialect", "mysql");
    row("upgrade --tag=t x",
        {QStringLiteral("upgrade"), QStringLiteral("--tag=t"), QStringLiteral("x")}, "tag", "t");
    row("stamp --purge x",
        {QStringLiteral("stamp"), QStringLiteral("--purge"), QStringLiteral("x")}, "purge", "1");
}

void TestCliArguments::commandOptionSpellings()
{
    QFETCH(QStringList, args);
    QFETCH(QString, field);
    QFETCH(QString, value);
    const CliParseResult r = CliArgumentParser().parse(args);
    QCOMPARE(r.outcome, CliParseResult::Outcome::Run);
    const CliArguments &a = r.arguments;
    const QString flag = QStringLiteral("1");
    if (field == QLatin1String("verbose"))
        QCOMPARE(a.verbose, value == flag);
    else if (field == QLatin1String("resolve"))
        QCOMPARE(a.resolveDependencies, value == flag);
    else if (field == QLatin1String("range")) {
        QVERIFY(a.revRangeGiven);
        QCOMPARE(a.revRange, value);
    } else if (field == QLatin1String("indicate"))
        QCOMPARE(a.indicateCurrent, value == flag);
    else if (field == QLatin1String("sql"))
        QCOMPARE(a.sql, value == flag);
    else if (field == QLatin1String("dialect"))
        QCOMPARE(a.dialect, value);
    else if (field == QLatin1String("tag"))
        QCOMPARE(a.tag, value);
    else if (field == QLatin1String("purge"))
        QCOMPARE(a.purge, value == flag);
    else
        QFAIL("unknown field");
}

void TestCliArguments::positionalRevisions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("revisions");
    QTest::newRow("show") << QStringList{QStringLiteral("show"), QStringLiteral("abc")}
                          << QStringList{QStringLiteral("abc")};
    QTest::newRow("downgrade -1 is a value")
        << QStringList{QStringLiteral("downgrade"), QStringLiteral("-1")}
        << QStringList{QStringLiteral("-1")};
    QTest::newRow("stamp several") << QStringList{QStringLiteral("stamp"), QStringLiteral("a"),
                                                  QStringLiteral("--sql"), QStringLiteral("b")}
                                   << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("after --") << QStringList{QStringLiteral("show"), QStringLiteral("--"),
                                             QStringLiteral("-x")}
                              << QStringList{QStringLiteral("-x")};
}

void TestCliArguments::positionalRevisions()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, revisions);
    const CliParseResult r = CliArgumentParser().parse(args);
    QCOMPARE(r.outcome, CliParseResult::Outcome::Run);
    QCOMPARE(r.arguments.revisions, revisions);
}

void TestCliArguments::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");
    QTest::newRow("no command") << QStringList{}
                                << QStringLiteral("retort-cli: error: too few arguments");
    QTest::newRow("unknown command")
        << QStringList{QStringLiteral("nosuchcmd")}
        << QStringLiteral("retort-cli: error: argument {bases,branches,check-drift,check-native,"
                          "current,downgrade,heads,history,inspect,merge,revision,schema,show,"
                          "stairway,stamp,upgrade}: invalid choice: 'nosuchcmd' (choose from "
                          "'bases', 'branches', 'check-drift', 'check-native', 'current', "
                          "'downgrade', 'heads', 'history', 'inspect', 'merge', 'revision', "
                          "'schema', 'show', 'stairway', 'stamp', 'upgrade')");
    QTest::newRow("missing revision")
        << QStringList{QStringLiteral("upgrade")}
        << QStringLiteral(
               "retort-cli upgrade: error: the following arguments are required: revision");
    QTest::newRow("missing stamp revisions")
        << QStringList{QStringLiteral("stamp"), QStringLiteral("--sql")}
        << QStringLiteral(
               "retort-cli stamp: error: the following arguments are required: revisions");
    QTest::newRow("-r -1: needs the = form")
        << QStringList{QStringLiteral("history"), QStringLiteral("-r"), QStringLiteral("-1:")}
        << QStringLiteral(
               "retort-cli history: error: argument -r/--rev-range: expected one argument");
    QTest::newRow("-r without value")
        << QStringList{QStringLiteral("history"), QStringLiteral("-r")}
        << QStringLiteral(
               "retort-cli history: error: argument -r/--rev-range: expected one argument");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("heads"), QStringLiteral("--nope")}
        << QStringLiteral("retort-cli: error: unrecognized arguments: --nope");
    QTest::newRow("global option after the command")
        << QStringList{QStringLiteral("heads"), QStringLiteral("-c"), QStringLiteral("x.ini")}
        << QStringLiteral("retort-cli: error: unrecognized arguments: -c x.ini");
    QTest::newRow("extra positional")
        << QStringList{QStringLiteral("show"), QStringLiteral("a"), QStringLiteral("b")}
        << QStringLiteral("retort-cli: error: unrecognized arguments: b");
    QTest::newRow("flag with value")
        << QStringList{QStringLiteral("upgrade"), QStringLiteral("--sql=yes"), QStringLiteral("x")}
        << QStringLiteral(
               "retort-cli upgrade: error: argument --sql: ignored explicit argument 'yes'");
}

void TestCliArguments::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    const CliParseResult r = CliArgumentParser().parse(args);
    QCOMPARE(r.outcome, CliParseResult::Outcome::UsageError);
    QVERIFY2(r.text.startsWith(QLatin1String("usage: retort-cli")), qPrintable(r.text));
    const QStringList lines = r.text.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.last(), error);
}

void TestCliArguments::helpListsEveryCommand()
{
    for (const QStringList &args : {QStringList{QStringLiteral("--help")},
                                    QStringList{QStringLiteral("-h"), QStringLiteral("heads")}}) {
        const CliParseResult r = CliArgumentParser().parse(args);
        QCOMPARE(r.outcome, CliParseResult::Outcome::Help);
        for (const QString &command : CliArgumentParser::commandNames()) {
            QVERIFY2(r.text.contains(QLatin1String("  ") + command.leftJustified(22) +
                                     CliArgumentParser::commandDescription(command)),
                     qPrintable(command));
        }
    }
}

void TestCliArguments::commandHelp()
{
    const CliParseResult r =
        CliArgumentParser().parse({QStringLiteral("history"), QStringLiteral("--help")});
    QCOMPARE(r.outcome, CliParseResult::Outcome::Help);
    QVERIFY(r.text.startsWith(
        QLatin1String("usage: retort-cli history [-h] [-r REV_RANGE] [-v] [-i]\n")));
}

void TestCliArguments::versionText()
{
    const CliParseResult r =
        CliArgumentParser().parse({QStringLiteral("--vers"), QStringLiteral("heads")});
    QCOMPARE(r.outcome, CliParseResult::Outcome::Version);
    QVERIFY(QRegularExpression(QStringLiteral("^retort-cli \\d+\\.\\d+\\.\\d+\n$"))
                .match(r.text)
                .hasMatch());
    QCOMPARE(r.text, QStringLiteral("retort-cli %1\n").arg(CliArgumentParser::version()));
}

QTEST_GUILESS_MAIN(TestCliArguments)
#include "tst_cliarguments.moc"
