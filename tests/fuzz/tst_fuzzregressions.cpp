// SPDX-License-Identifier: GPL-3.0-or-later
// Replays through every fuzz target (fuzzentry.h) its seed corpus (corpus/<target>/) and
// the inputs that once crashed it or broke one of its checks (regressions/<target>/,
// each named after what it found), so that every build checks them, with or without
// sanitizers and libFuzzer.
#include "fuzzentry.h"

#include <QDir>
#include <QFile>
#include <QTest>

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTargetHasSeeds_data();
    void everyTargetHasSeeds();
    void inputIsHandled_data();
    void inputIsHandled();
};

namespace {

QString fuzzDir()
{
    return QStringLiteral(RETORT_TESTS_SOURCE_DIR "/fuzz");
}

QStringList inputFiles(const QString &kind, const char *target)
{
    const QDir dir(fuzzDir() + QLatin1Char('/') + kind + QLatin1Char('/')
                   + QLatin1String(target));
    QStringList files;
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
        files << dir.filePath(name);
    return files;
}

} // namespace

void TestFuzzRegressions::everyTargetHasSeeds_data()
{
    QTest::addColumn<QString>("target");
    for (const Retort::Fuzz::Target &target : Retort::Fuzz::targets())
        QTest::newRow(target.name) << QString::fromLatin1(target.name);
}

void TestFuzzRegressions::everyTargetHasSeeds()
{
    QFETCH(QString, target);
    QVERIFY2(!inputFiles(QStringLiteral("corpus"), target.toLatin1().constData()).isEmpty(),
             "no seeds: run tests/fuzz/makecorpus.py");
}

void TestFuzzRegressions::inputIsHandled_data()
{
    QTest::addColumn<int>("target");
    QTest::addColumn<QString>("file");
    const QList<Retort::Fuzz::Target> &targets = Retort::Fuzz::targets();
    for (qsizetype t = 0; t < targets.size(); ++t) {
        for (const QString &kind : {QStringLiteral("regressions"), QStringLiteral("corpus")}) {
            for (const QString &file : inputFiles(kind, targets.at(t).name)) {
                const QString row = QLatin1String(targets.at(t).name) + QLatin1Char('/')
                                    + kind + QLatin1Char('/') + QFileInfo(file).fileName();
                QTest::newRow(row.toUtf8().constData()) << int(t) << file;
            }
        }
    }
}

void TestFuzzRegressions::inputIsHandled()
{
    QFETCH(int, target);
    QFETCH(QString, file);
    QFile in(file);
    QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(in.errorString()));
    const QByteArray bytes = in.readAll();
    QVERIFY(Retort::Fuzz::targets().at(target).run(bytes));
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
