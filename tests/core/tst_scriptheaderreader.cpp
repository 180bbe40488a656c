// SPDX-License-Identifier: GPL-3.0-or-later
#include "python/scriptheaderreader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace Retort;

namespace {

const QString dataDir = QStringLiteral(RETORT_TESTS_SOURCE_DIR "/core/data/headers");

QString quoted(QString s)
{
    s.replace(QLatin1String("\\"), QLatin1String("\\\\"));
    s.replace(QLatin1String("'"), QLatin1String("\\'"));
    s.replace(QLatin1String("\n"), QLatin1String("\\n"));
    s.replace(QLatin1String("\r"), QLatin1String("\\r"));
    s.replace(QLatin1String("\t"), QLatin1String("\\t"));
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

QString range(const SourceRange &r)
{
    return QStringLiteral("%1:%2-%3:%4")
        .arg(r.start.line)
        .arg(r.start.column)
        .arg(r.end.line)
        .arg(r.end.column);
}

QString strings(const QStringList &list)
{
    QStringList q;
    for (const QString &s : list)
        q.append(quoted(s));
    return QLatin1Char('[') + q.join(QLatin1String(", ")) + QLatin1Char(']');
}

QString value(const char *name, const ScriptHeader::Value &v)
{
    QString out = QLatin1String(name) + QLatin1String(": ");
    switch (v.kind) {
    case ScriptHeader::Value::Kind::Absent:
        return out + QLatin1String("absent\n");
    case ScriptHeader::Value::Kind::NoneLiteral:
        out += QLatin1String("None");
        break;
    case ScriptHeader::Value::Kind::String:
        out += QLatin1String("string ") + quoted(v.strings.first());
        break;
    case ScriptHeader::Value::Kind::Sequence:
        out += (v.isList ? QLatin1String("list ") : QLatin1String("tuple ")) + strings(v.strings);
        break;
    case ScriptHeader::Value::Kind::Unsupported:
        out += QLatin1String("unsupported");
        break;
    }
    return out + QLatin1String(" at ") + range(v.range) + QLatin1String(" (name at ") +
           range(v.nameRange) + QLatin1String(")\n");
}

QString diagnostics(const Diagnostics &list, const QString &path)
{
    QString out;
    for (const Diagnostic &d : list) {
        Diagnostic relative = d;
        if (relative.file == path)
            relative.file = QFileInfo(path).fileName();
        out += QLatin1String("  ") + relative.toString() + QLatin1Char('\n');
    }
    return out;
}

// A readable dump of everything the reader and toRevision produce for one file.
QString dump(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot open ") + path;
    const ScriptHeader header = ScriptHeaderReader::read(file.readAll(), path);

    QString out;
    out += value("revision", header.revision);
    out += value("down_revision", header.downRevision);
    out += value("branch_labels", header.branchLabels);
    out += value("depends_on", header.dependsOn);
    if (header.hasDocstring)
        out += QLatin1String("docstring: ") + quoted(header.docstring) + QLatin1String(" at ") +
               range(header.docstringRange) + QLatin1Char('\n');
    else
        out += QLatin1String("docstring: none\n");
    out += QLatin1String("longDoc: ") + quoted(header.longDoc) + QLatin1Char('\n');
    out += QLatin1String("message: ") + quoted(header.message()) + QLatin1Char('\n');
    out += QLatin1String("createDate: ") + quoted(header.createDate) + QLatin1Char('\n');
    out += QLatin1String("header diagnostics:\n") + diagnostics(header.diagnostics, path);

    Revision revision;
    Diagnostics all;
    const bool ok = ScriptHeaderReader::toRevision(header, path, &revision, &all);
    out += QLatin1String("revision: ") +
           (ok ? QLatin1String("usable") : QLatin1String("not usable")) + QLatin1Char('\n');
    out += QLatin1String("  id: ") + quoted(revision.id) + QLatin1Char('\n');
    out += QLatin1String("  downRevisions: ") + strings(revision.downRevisions) + QLatin1Char('\n');
    out += QLatin1String("  branchLabels: ") + strings(revision.branchLabels) + QLatin1Char('\n');
    out += QLatin1String("  dependsOn: ") + strings(revision.dependsOn) + QLatin1Char('\n');
    out += QLatin1String("  doc: ") + quoted(revision.doc()) + QLatin1Char('\n');
    out += QLatin1String("  path is the file: ") +
           (revision.path == path ? QLatin1String("yes") : QLatin1String("no")) + QLatin1Char('\n');
    out += QLatin1String("revision diagnostics (after the header's):\n") +
           diagnostics(all.mid(header.diagnostics.size()), path);
    return out;
}

QString offsets(const SourceRange &r)
{
    return QStringLiteral("%1-%2").arg(r.start.offset).arg(r.end.offset);
}

// Everything a ScriptHeader holds, offsets included.
QString headerText(const ScriptHeader &header)
{
    QString out = value("revision", header.revision) + offsets(header.revision.range) +
                  value("down_revision", header.downRevision) + offsets(header.downRevision.range) +
                  value("branch_labels", header.branchLabels) + offsets(header.branchLabels.range) +
                  value("depends_on", header.dependsOn) + offsets(header.dependsOn.range);
    out += QLatin1String("\ndocstring: ") +
           (header.hasDocstring ? quoted(header.docstring) : QStringLiteral("none")) +
           QLatin1String(" at ") + range(header.docstringRange) + QLatin1Char(' ') +
           offsets(header.docstringRange);
    out += QLatin1String("\nlongDoc: ") + quoted(header.longDoc) + QLatin1String("\ncreateDate: ") +
           quoted(header.createDate) + QLatin1Char('\n');
    for (const Diagnostic &d : header.diagnostics)
        out += d.toString() + QLatin1Char('\n');
    return out;
}

// A few random edits: quotes, brackets, indentation, escapes, non-ASCII, line ends.
QByteArray mutated(const QByteArray &source, QRandomGenerator &random)
{
    static const char *const snippets[] = {"'",
                                           "\"",
                                           "\"\"\"",
                                           "\\",
                                           "\\\n",
                                           "\n",
                                           "    ",
                                           "\t",
                                           "(",
                                           ")",
                                           "[",
                                           "]",
                                           ":",
                                           "#",
                                           ";",
                                           "\r\n",
                                           "\xc3\xa9",
                                           "\f",
                                           "0x1",
                                           "1.5",
                                           "\\x41",
                                           "f'",
                                           "r'",
                                           "b'",
                                           "\n    ",
                                           "if x:\n",
                                           "revision = 'r'\n",
                                           "down_revision = ('a', 'b')\n",
                                           "branch_labels: str = None\n",
                                           "\"\"\"doc\n  more\n\"\"\"\n"};
    QByteArray out = source;
    const int edits = 1 + int(random.bounded(3));
    for (int e = 0; e < edits; ++e) {
        const qsizetype at = out.isEmpty() ? 0 : qsizetype(random.bounded(int(out.size()) + 1));
        if (random.bounded(3) < 2)
            out.insert(at, snippets[random.bounded(int(std::size(snippets)))]);
        else
            out.remove(at, 1 + qsizetype(random.bounded(3)));
    }
    return out;
}

} // namespace

class TestScriptHeaderReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesReference_data();
    void matchesReference();
    void readFileReportsUnreadableFile();
    void diagnosticsCarryThePath();
    void tenMegabyteFileIsReadToTheEnd();
    void fastPathGivesTheTokenizersResult_data();
    void fastPathGivesTheTokenizersResult();
};

void TestScriptHeaderReader::matchesReference_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("reference");
    const QDir inputs(dataDir + QLatin1String("/input"));
    const QStringList names = inputs.entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
    QVERIFY(names.size() >= 25);
    for (const QString &name : names) {
        QTest::newRow(qPrintable(name))
            << inputs.filePath(name)
            << dataDir + QLatin1String("/reference/") + QFileInfo(name).completeBaseName() +
                   QLatin1String(".ref");
    }
}

// Set RETORT_REGENERATE_REFERENCES=1 (see regenerate.sh) to rewrite the references
// from the current output; review the diff before committing it.
void TestScriptHeaderReader::matchesReference()
{
    QFETCH(QString, input);
    QFETCH(QString, reference);
    const QString actual = dump(input);
    if (qEnvironmentVariableIntValue("RETORT_REGENERATE_REFERENCES") == 1) {
        QFile out(reference);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(actual.toUtf8());
        return;
    }
    QFile expectedFile(reference);
    QVERIFY2(expectedFile.open(QIODevice::ReadOnly),
             qPrintable(QStringLiteral("missing reference ") + reference));
    const QString expected = QString::fromUtf8(expectedFile.readAll());
    if (actual != expected) {
        const QStringList a = actual.split(QLatin1Char('\n'));
        const QStringList e = expected.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < qMax(a.size(), e.size()); ++i)
            QCOMPARE(a.value(i), e.value(i));
    }
    QCOMPARE(actual, expected);
}

void TestScriptHeaderReader::readFileReportsUnreadableFile()
{
    const QString path = dataDir + QLatin1String("/input/does-not-exist.py");
    const ScriptHeader header = ScriptHeaderReader::readFile(path);
    QCOMPARE(header.diagnostics.size(), 1);
    QCOMPARE(header.diagnostics.first().file, path);
    QVERIFY(header.diagnostics.first().message.startsWith(QLatin1String("cannot read the file")));
    QVERIFY(!header.revision.isPresent());
}

void TestScriptHeaderReader::diagnosticsCarryThePath()
{
    const QString path = dataDir + QLatin1String("/input/20_computed_values.py");
    const ScriptHeader header = ScriptHeaderReader::readFile(path);
    QVERIFY(header.hasErrors());
    for (const Diagnostic &d : header.diagnostics) {
        QCOMPARE(d.file, path);
        QVERIFY(d.line > 0);
        QVERIFY(d.column > 0);
    }
}

void TestScriptHeaderReader::tenMegabyteFileIsReadToTheEnd()
{
    QByteArray bytes = "\"\"\"bulk data\"\"\"\nrevision = 'aaaa00000100'\ndown_revision = None\n"
                       "def upgrade():\n    op.bulk_insert(t, [\n";
    const QByteArray row =
        "        {'id': 1, 'name': 'row', 'price': 1.5e2, 'note': None},  # row\n";
    while (bytes.size() < 10 * 1024 * 1024)
        bytes += row;
    bytes += "    ])\ndepends_on = ('aaaa00000001',)\n";

    // Speed is measured in bench/; this checks that a value after 10 MB is still read.
    const ScriptHeader header = ScriptHeaderReader::read(bytes, QStringLiteral("big.py"));
    QVERIFY(header.diagnostics.isEmpty());
    QCOMPARE(header.revision.strings, QStringList{QStringLiteral("aaaa00000100")});
    QCOMPARE(header.dependsOn.strings, QStringList{QStringLiteral("aaaa00000001")});
}

void TestScriptHeaderReader::fastPathGivesTheTokenizersResult_data()
{
    QTest::addColumn<QString>("path");
    const QStringList roots = {dataDir + QLatin1String("/input"),
                               QStringLiteral(RETORT_TESTS_SOURCE_DIR "/core/data/parser"),
                               QStringLiteral(RETORT_TESTS_SOURCE_DIR "/../resources/demo")};
    for (const QString &root : roots) {
        QDirIterator it(root, {QStringLiteral("*.py")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            QTest::newRow(qPrintable(file.mid(root.size() + 1))) << file;
        }
    }
}

// read() takes a fast way through plain-ASCII files; whatever it takes, the header is
// the one the full tokenizer gives, on each file and on 40 random edits of it.
void TestScriptHeaderReader::fastPathGivesTheTokenizersResult()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    QRandomGenerator random(quint32(qHash(QFileInfo(path).fileName())));
    for (int variant = 0; variant <= 40; ++variant) {
        const QByteArray bytes = variant == 0 ? original : mutated(original, random);
        const QString fast = headerText(ScriptHeaderReader::read(bytes, path));
        const QString full = headerText(ScriptHeaderReader::readWithTokenizer(bytes, path));
        if (fast != full)
            qWarning().noquote() << "variant" << variant << "source:" << bytes;
        QCOMPARE(fast, full);
    }
}

QTEST_GUILESS_MAIN(TestScriptHeaderReader)
#include "tst_scriptheaderreader.moc"
