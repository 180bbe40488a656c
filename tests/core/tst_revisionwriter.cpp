// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/commandcontext.h"
#include "script/makotemplate.h"
#include "script/revisionwriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;

namespace {

const QString dataDir = QStringLiteral(RETORT_TESTS_SOURCE_DIR "/core/data/revisionwriter");

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// steps.txt: one tab-separated command line per step.
QList<QStringList> steps()
{
    QList<QStringList> out;
    for (const QString &line : QString::fromUtf8(contents(dataDir + QLatin1String("/steps.txt")))
                                   .split(QLatin1Char('\n'))) {
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
            out.append(line.split(QLatin1Char('\t')));
    }
    return out;
}

RevisionRequest request(const QStringList &step)
{
    RevisionRequest r;
    r.merge = step.first() == QLatin1String("merge");
    QStringList positional;
    for (qsizetype i = 1; i < step.size(); ++i) {
        const QString &a = step.at(i);
        if (a == QLatin1String("-m"))
            r.message = step.at(++i);
        else if (a == QLatin1String("--rev-id"))
            r.revisionId = step.at(++i);
        else if (a == QLatin1String("--head"))
            r.heads = {step.at(++i)};
        else if (a == QLatin1String("--branch-label"))
            r.branchLabel = step.at(++i);
        else if (a == QLatin1String("--depends-on"))
            r.dependsOn.append(step.at(++i));
        else if (a == QLatin1String("--splice"))
            r.splice = true;
        else
            positional.append(a);
    }
    if (r.merge)
        r.heads = positional;
    return r;
}

QByteArray normalised(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    for (QByteArray &line : lines) {
        if (line.startsWith("Create Date: "))
            line = "Create Date: <normalised>";
    }
    return lines.join('\n');
}

} // namespace

class TestRevisionWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesWhatAlembicWrites_data();
    void writesWhatAlembicWrites();
    void slug_data();
    void slug();
    void rendersMakoSubset_data();
    void rendersMakoSubset();
    void refusesWhatAlembicRefuses_data();
    void refusesWhatAlembicRefuses();
};

void TestRevisionWriter::writesWhatAlembicWrites_data()
{
    QTest::addColumn<QString>("reference");
    QTest::newRow("Alembic 1.8 generic template") << dataDir + QLatin1String("/alembic-1.8");
    QTest::newRow("Alembic 1.13 generic template") << dataDir + QLatin1String("/alembic-1.13");
}

// The steps of steps.txt, run one after the other on one project, give the files real
// Alembic wrote (regenerate.sh), byte for byte apart from the create date.
void TestRevisionWriter::writesWhatAlembicWrites()
{
    QFETCH(QString, reference);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ini = dir.filePath(QStringLiteral("alembic.ini"));
    QVERIFY(writeFile(ini, "[alembic]\nscript_location = %(here)s/migrations\n"));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("migrations/versions")));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("migrations/env.py")), "\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("migrations/script.py.mako")),
                      contents(reference + QLatin1String("/script.py.mako"))));
    const QStringList names = QString::fromUtf8(contents(reference + QLatin1String("/files.txt")))
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QList<QStringList> allSteps = steps();
    QCOMPARE(names.size(), allSteps.size());
    CliArguments arguments;
    arguments.configFile = ini;
    for (qsizetype i = 0; i < allSteps.size(); ++i) {
        const Result<CommandContext> context = CommandContext::load(arguments);
        QVERIFY2(context.ok(), qPrintable(context.error()));
        const RevisionWriter writer(context->layout(), context->map());
        const Result<RevisionFile> file = writer.write(request(allSteps.at(i)));
        QVERIFY2(file.ok(), qPrintable(allSteps.at(i).join(QLatin1Char(' ')) + QLatin1String(": ") +
                                       file.error()));
        QCOMPARE(QFileInfo(file->path).fileName(), names.at(i));
        QCOMPARE(
            QString::fromUtf8(normalised(contents(file->path))),
            QString::fromUtf8(contents(reference + QLatin1String("/expected/") + names.at(i))));
    }
}

void TestRevisionWriter::slug_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("expected");
    QTest::newRow("punctuation") << QStringLiteral("Add a column: owner's e-mail!! (v2)") << 40
                                 << QStringLiteral("add_a_column_owner_s_e_mail_v2");
    QTest::newRow("one long word")
        << QStringLiteral("abcdefghij_klmnopqrstuvwxyz0123456789abcdefghij") << 40
        << QStringLiteral("abcdefghij_");
    QTest::newRow("blanks") << QStringLiteral("   ") << 40 << QString();
    QTest::newRow("short limit") << QStringLiteral("hello world again and again") << 10
                                 << QStringLiteral("hello_");
}

void TestRevisionWriter::slug()
{
    QFETCH(QString, message);
    QFETCH(int, length);
    QFETCH(QString, expected);
    QCOMPARE(RevisionWriter::slug(message, length), expected);
}

void TestRevisionWriter::rendersMakoSubset_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("comment, text block, continuation")
        << QStringLiteral("## hidden\na<%text>${x}</%text>b\\\nc\n") << QStringLiteral("a${x}bc\n");
    QTest::newRow("if/elif/else")
        << QStringLiteral("% if missing:\none\n% elif s:\ntwo\n% else:\nthree\n% endif\n")
        << QStringLiteral("two\n");
    QTest::newRow("repr, comma, conditional")
        << QStringLiteral("${repr(t)} ${t | comma,n} ${missing if missing else \"pass\"} ${none}")
        << QStringLiteral("('a', 'b') a, b pass None");
    QTest::newRow("literal percent")
        << QStringLiteral("%% not a control line\n") << QStringLiteral("% not a control line\n");
}

void TestRevisionWriter::rendersMakoSubset()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    MakoVariables variables;
    variables.insert(QStringLiteral("t"),
                     MakoValue::tuple({QStringLiteral("a"), QStringLiteral("b")}));
    variables.insert(QStringLiteral("s"), MakoValue::string(QStringLiteral("x")));
    variables.insert(QStringLiteral("none"), MakoValue::none());
    const Result<QString> out = MakoTemplate::render(source, variables);
    QVERIFY2(out.ok(), qPrintable(out.error()));
    QCOMPARE(out.value(), expected);
}

void TestRevisionWriter::refusesWhatAlembicRefuses_data()
{
    QTest::addColumn<QStringList>("step");
    QTest::addColumn<QString>("error");
    QTest::newRow("several heads")
        << QStringList{QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("x")}
        << QStringLiteral("Multiple heads are present; please specify the head revision on which "
                          "the new revision should be based, or perform a merge.");
    QTest::newRow("not a head")
        << QStringList{QStringLiteral("revision"), QStringLiteral("--head"),
                       QStringLiteral("aaaaaaaaaaaa")}
        << QStringLiteral("Revision aaaaaaaaaaaa is not a head revision; please specify --splice "
                          "to create a new branch from this revision");
    QTest::newRow("label in use")
        << QStringList{QStringLiteral("revision"),     QStringLiteral("--head"),
                       QStringLiteral("base"),         QStringLiteral("--rev-id"),
                       QStringLiteral("cccccccccccc"), QStringLiteral("--branch-label"),
                       QStringLiteral("lab")}
        << QStringLiteral("Branch name 'lab' in revision cccccccccccc already used by revision "
                          "bbbbbbbbbbbb");
    QTest::newRow("bad id") << QStringList{QStringLiteral("revision"), QStringLiteral("--head"),
                                           QStringLiteral("base"), QStringLiteral("--rev-id"),
                                           QStringLiteral("ab-cd")}
                            << QStringLiteral(
                                   "Character(s) '-' not allowed in revision identifier 'ab-cd'");
}

// Checked before anything is written; the project is left as it was.
void TestRevisionWriter::refusesWhatAlembicRefuses()
{
    QFETCH(QStringList, step);
    QFETCH(QString, error);
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("alembic.ini"));
    QVERIFY(writeFile(ini, "[alembic]\nscript_location = %(here)s/migrations\n"));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("migrations/versions")));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("migrations/script.py.mako")),
                      contents(dataDir + QLatin1String("/alembic-1.8/script.py.mako"))));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("migrations/versions/a.py")),
                      "revision = 'aaaaaaaaaaaa'\ndown_revision = None\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("migrations/versions/b.py")),
                      "revision = 'bbbbbbbbbbbb'\ndown_revision = 'aaaaaaaaaaaa'\n"
                      "branch_labels = ('lab',)\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("migrations/versions/c.py")),
                      "revision = 'dddddddddddd'\ndown_revision = 'aaaaaaaaaaaa'\n"));
    CliArguments arguments;
    arguments.configFile = ini;
    const Result<CommandContext> context = CommandContext::load(arguments);
    QVERIFY2(context.ok(), qPrintable(context.error()));
    const Result<RevisionFile> file =
        RevisionWriter(context->layout(), context->map()).write(request(step));
    QVERIFY(!file.ok());
    QCOMPARE(file.error(), error);
    QCOMPARE(
        QDir(dir.filePath(QStringLiteral("migrations/versions"))).entryList(QDir::Files).size(), 3);
}

QTEST_GUILESS_MAIN(TestRevisionWriter)
#include "tst_revisionwriter.moc"
