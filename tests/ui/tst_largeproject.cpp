// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI stays responsive while a huge project loads: ProjectLoader works on a worker
// thread, the event loop keeps dispatching timers meanwhile, and a load can be cancelled
// or replaced by opening another project.
#include "projectloader.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Retort;

namespace {

constexpr int largeRevisionCount = 20000;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// A linear project of `count` revisions with a side branch every 100 revisions.
bool writeProject(const QString &root, int count)
{
    const QString versions = root + QStringLiteral("/migrations/versions");
    if (!QDir().mkpath(versions))
        return false;
    if (!writeFile(root + QStringLiteral("/alembic.ini"),
                   "[alembic]\nscript_location = %(here)s/migrations\n") ||
        !writeFile(root + QStringLiteral("/migrations/env.py"), "# not run\n"))
        return false;
    const auto id = [](int i) { return QStringLiteral("%1").arg(i, 12, 10, QLatin1Char('0')); };
    for (int i = 0; i < count; ++i) {
        // Every 100th revision branches off the one 50 below it instead of its predecessor.
        const QString down = i == 0            ? QStringLiteral("None")
                             : i % 100 == 99 ? QLatin1Char('\'') + id(i - 50) + QLatin1Char('\'')
                                             : QLatin1Char('\'') + id(i - 1) + QLatin1Char('\'');
        const QString text = QStringLiteral("\"\"\"revision %1\"\"\"\nrevision = '%2'\n"
                                            "down_revision = %3\nbranch_labels = None\n"
                                            "depends_on = None\n\n\ndef upgrade():\n    pass\n\n\n"
                                            "def downgrade():\n    pass\n")
                                 .arg(i)
                                 .arg(id(i), down);
        if (!writeFile(versions + QLatin1Char('/') + id(i) + QStringLiteral("_r.py"), text.toUtf8()))
            return false;
    }
    return true;
}

} // namespace

class TestLargeProject : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void eventLoopKeepsRunningWhileAHugeProjectLoads();
    void openingAnotherProjectReplacesTheRunningLoad();
    void cancelledLoadIsNeverDelivered();

private:
    QTemporaryDir m_large;
    QTemporaryDir m_small;
};

void TestLargeProject::initTestCase()
{
    QVERIFY(m_large.isValid());
    QVERIFY(m_small.isValid());
    QVERIFY(writeProject(m_large.path(), largeRevisionCount));
    QVERIFY(writeProject(m_small.path(), 3));
}

void TestLargeProject::eventLoopKeepsRunningWhileAHugeProjectLoads()
{
    ProjectLoader loader;
    QSignalSpy loaded(&loader, &ProjectLoader::loaded);
    int ticksWhileLoading = 0;
    QTimer ticker;
    ticker.setInterval(1);
    connect(&ticker, &QTimer::timeout, this, [&]() {
        if (loader.isLoading())
            ++ticksWhileLoading;
    });
    ticker.start();
    loader.load(m_large.path());
    QVERIFY(loader.isLoading());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 600000);
    ticker.stop();

    const LoadedProject project = loaded.at(0).at(0).value<LoadedProject>();
    QVERIFY2(project.errorString.isEmpty(), qPrintable(project.errorString));
    QCOMPARE(project.map.size(), largeRevisionCount);
    // One head per side branch plus the main line.
    QCOMPARE(project.map.heads().size(), largeRevisionCount / 100 + 1);
    // A load on the GUI thread would have let no timer fire until it was over.
    QVERIFY2(ticksWhileLoading >= 2, qPrintable(QString::number(ticksWhileLoading)));
}

void TestLargeProject::openingAnotherProjectReplacesTheRunningLoad()
{
    ProjectLoader loader;
    QSignalSpy loaded(&loader, &ProjectLoader::loaded);
    loader.load(m_large.path());
    loader.load(m_small.path());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 600000);
    QTRY_VERIFY(!loader.isLoading());
    const LoadedProject project = loaded.at(0).at(0).value<LoadedProject>();
    QCOMPARE(project.requestedPath, m_small.path());
    QCOMPARE(project.map.size(), 3);
    // The large project's result never arrives, not even late.
    QTest::qWait(50);
    QCOMPARE(loaded.size(), 1);
}

void TestLargeProject::cancelledLoadIsNeverDelivered()
{
    ProjectLoader loader;
    QSignalSpy loaded(&loader, &ProjectLoader::loaded);
    loader.load(m_large.path());
    loader.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!loader.isLoading(), 600000);
    QTest::qWait(50);
    QCOMPARE(loaded.size(), 0);
    // The loader is still usable afterwards.
    loader.load(m_small.path());
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(loaded.at(0).at(0).value<LoadedProject>().map.size(), 3);
}

QTEST_MAIN(TestLargeProject)

#include "tst_largeproject.moc"
