// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/revisiongraphdelegate.h"
#include "graph/revisiongraphfiltermodel.h"
#include "graph/revisiongraphmodel.h"
#include "graph/revisiongraphview.h"
#include "projectloader.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QImage>
#include <QFrame>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Retort;

namespace {

const QString Merge = QStringLiteral("8d937c7f0087");
const QString MainHead = QStringLiteral("ac7c02654fe7");
const QString AuditHead = QStringLiteral("d82ef0e653bb");
const QString ShopBase = QStringLiteral("88653130d564");
const QString Orders = QStringLiteral("69e8a4e93b9f");

// Pixels of exactly this colour inside rect of the image.
int countColour(const QImage &image, const QRect &rect, const QColor &colour)
{
    int count = 0;
    const QRect area = rect.intersected(image.rect());
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            // Near enough: the style may tint the current row with a translucent frame.
            if (qAbs(pixel.red() - colour.red()) <= 12 && qAbs(pixel.green() - colour.green()) <= 12
                && qAbs(pixel.blue() - colour.blue()) <= 12)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestRevisionGraphView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsTheDemoProject();
    void selectRevisionEmitsSelected();
    void searchDimsAndJumps();
    void onlyMatchesHidesOthers();
    void keyboardNavigation();
    void goToActionsCycle();
    void contextMenuNamesTheRevision();
    void ctrlClickSelectsASecondRevision();
    void ghostBannerOffersTheFix();
    void rendersMarkers();

private:
    QImage render();
    QRect rowRect(const QString &id);

    LoadedProject m_project;
    RevisionGraphView *m_view = nullptr;
};

void TestRevisionGraphView::initTestCase()
{
    m_project = ProjectLoader::loadNow(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"));
    QVERIFY2(m_project.isOpen(), qPrintable(m_project.errorString));
    QCOMPARE(m_project.map.size(), 12);
}

void TestRevisionGraphView::init()
{
    m_view = new RevisionGraphView;
    m_view->resize(900, 420);
    m_view->setProject(m_project.map, GraphLayout(m_project.map));
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void TestRevisionGraphView::cleanup()
{
    delete m_view;
    m_view = nullptr;
}

QImage TestRevisionGraphView::render()
{
    return m_view->treeView()->viewport()->grab().toImage();
}

QRect TestRevisionGraphView::rowRect(const QString &id)
{
    auto *proxy = m_view->treeView()->model();
    const QModelIndex index = static_cast<QSortFilterProxyModel *>(proxy)->mapFromSource(
        m_view->model()->index(m_view->model()->rowOf(id), 0));
    return m_view->treeView()->visualRect(index);
}

void TestRevisionGraphView::showsTheDemoProject()
{
    QAbstractItemModelTester tester(m_view->treeView()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m_view->treeView()->model()->rowCount(), 12);
    QCOMPARE(m_view->model()->revisionId(0), MainHead);
    // No per-row widgets: one delegate paints every row.
    QVERIFY(qobject_cast<RevisionGraphDelegate *>(m_view->treeView()->itemDelegate()));
    QVERIFY(m_view->treeView()->uniformRowHeights());
}

void TestRevisionGraphView::selectRevisionEmitsSelected()
{
    QSignalSpy selected(m_view, &RevisionGraphView::revisionSelected);
    QVERIFY(m_view->selectRevision(Merge));
    QCOMPARE(m_view->selectedRevision(), Merge);
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().first().toString(), Merge);
    QVERIFY(!m_view->selectRevision(QStringLiteral("nosuchrevision")));
    QCOMPARE(m_view->selectedRevision(), Merge);
}

void TestRevisionGraphView::searchDimsAndJumps()
{
    auto *proxy = m_view->treeView()->model();
    m_view->setSearchText(QStringLiteral("order"));
    // Every row stays; non-matching rows are dimmed.
    QCOMPARE(proxy->rowCount(), 12);
    int matches = 0;
    for (int r = 0; r < proxy->rowCount(); ++r) {
        const int state = proxy->index(r, 0).data(RevisionGraphFilterModel::SearchStateRole).toInt();
        QVERIFY(state != RevisionGraphFilterModel::NoSearch);
        matches += state == RevisionGraphFilterModel::Match ? 1 : 0;
    }
    QCOMPARE(matches, 3); // create orders…, add shipping address to orders, track order status…
    // The selection jumped to the first match, top down.
    const QString first = m_view->selectedRevision();
    QVERIFY(m_view->model()->index(m_view->model()->rowOf(first), 0)
                .data(RevisionGraphModel::MessageRole).toString().contains(QStringLiteral("order")));
    m_view->goToNextMatch();
    const QString second = m_view->selectedRevision();
    QVERIFY(second != first);
    QVERIFY(m_view->model()->rowOf(second) > m_view->model()->rowOf(first));
    m_view->goToPreviousMatch();
    QCOMPARE(m_view->selectedRevision(), first);

    // Id prefix and branch label match too.
    m_view->setSearchText(QStringLiteral("8d93"));
    QCOMPARE(m_view->selectedRevision(), Merge);
    m_view->setSearchText(QStringLiteral("audit"));
    const QString audit = m_view->selectedRevision();
    QVERIFY(m_view->model()->index(m_view->model()->rowOf(audit), 0)
                .data(RevisionGraphModel::SearchTextRole).toString().contains(QStringLiteral("audit")));

    m_view->setSearchText(QString());
    QCOMPARE(proxy->index(0, 0).data(RevisionGraphFilterModel::SearchStateRole).toInt(),
             int(RevisionGraphFilterModel::NoSearch));
}

void TestRevisionGraphView::onlyMatchesHidesOthers()
{
    auto *proxy = m_view->treeView()->model();
    m_view->setSearchText(QStringLiteral("order"));
    m_view->setOnlyMatches(true);
    QCOMPARE(proxy->rowCount(), 3);
    QVERIFY(!proxy->index(0, 0).data(RevisionGraphFilterModel::LanesShownRole).toBool());
    // Going to a hidden revision shows everything again.
    m_view->goToBase();
    QCOMPARE(proxy->rowCount(), 12);
    QVERIFY(proxy->index(0, 0).data(RevisionGraphFilterModel::LanesShownRole).toBool());
}

void TestRevisionGraphView::keyboardNavigation()
{
    QTreeView *tree = m_view->treeView();
    m_view->selectRevision(MainHead);
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Down);
    QCOMPARE(m_view->selectedRevision(), m_view->model()->revisionId(1));
    QTest::keyClick(tree, Qt::Key_End);
    QCOMPARE(m_view->selectedRevision(), m_view->model()->revisionId(11));
    QTest::keyClick(tree, Qt::Key_Home);
    QCOMPARE(m_view->selectedRevision(), MainHead);

    // Ctrl+F goes to the search field; typing searches; Return jumps on; Escape returns.
    QApplication::setActiveWindow(m_view);
    m_view->findAction()->trigger();
    QVERIFY(m_view->searchField()->hasFocus() || QApplication::focusWidget() == m_view->searchField());
    QTest::keyClicks(m_view->searchField(), QStringLiteral("order"));
    const QString first = m_view->selectedRevision();
    QTest::keyClick(m_view->searchField(), Qt::Key_Return);
    QVERIFY(m_view->selectedRevision() != first);
    QTest::keyClick(m_view->searchField(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(m_view->selectedRevision(), first);
    QTest::keyClick(m_view->searchField(), Qt::Key_Escape);
    QVERIFY(m_view->searchField()->text().isEmpty());

    QSignalSpy activated(m_view, &RevisionGraphView::revisionActivated);
    m_view->selectRevision(Merge);
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toString(), Merge);
}

void TestRevisionGraphView::goToActionsCycle()
{
    m_view->goToHeadAction()->trigger();
    const QString head1 = m_view->selectedRevision();
    m_view->goToHeadAction()->trigger();
    const QString head2 = m_view->selectedRevision();
    QCOMPARE(QSet<QString>({head1, head2}), QSet<QString>({MainHead, AuditHead}));
    m_view->goToHeadAction()->trigger();
    QCOMPARE(m_view->selectedRevision(), head1);

    m_view->goToBaseAction()->trigger();
    const QString base = m_view->selectedRevision();
    QVERIFY(m_project.map.isBase(base));

    m_view->setCurrentRevisions({Orders});
    m_view->selectRevision(MainHead);
    m_view->goToCurrentAction()->trigger();
    QCOMPARE(m_view->selectedRevision(), Orders);
}

void TestRevisionGraphView::contextMenuNamesTheRevision()
{
    QSignalSpy requested(m_view, &RevisionGraphView::contextMenuRequestedFor);
    const QRect rect = rowRect(Merge);
    QContextMenuEvent event(QContextMenuEvent::Mouse, rect.center(),
                            m_view->treeView()->viewport()->mapToGlobal(rect.center()));
    QApplication::sendEvent(m_view->treeView()->viewport(), &event);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toString(), Merge);
    QCOMPARE(requested.first().at(1).toPoint(),
             m_view->treeView()->viewport()->mapToGlobal(rect.center()));
    QCOMPARE(m_view->selectedRevision(), Merge);
}

void TestRevisionGraphView::ctrlClickSelectsASecondRevision()
{
    QSignalSpy changed(m_view, &RevisionGraphView::selectionChanged);
    QWidget *viewport = m_view->treeView()->viewport();
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::NoModifier, rowRect(Merge).center());
    QCOMPARE(m_view->selectedRevisions(), QStringList{Merge});
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::ControlModifier, rowRect(ShopBase).center());
    QCOMPARE(m_view->selectedRevisions(), (QStringList{Merge, ShopBase})); // newest first
    QCOMPARE(m_view->selectedRevision(), ShopBase);                        // the last clicked
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.last().first().toStringList(), (QStringList{Merge, ShopBase}));

    // Right-clicking one of them keeps both selected (the menu offers the comparison).
    QSignalSpy requested(m_view, &RevisionGraphView::contextMenuRequestedFor);
    const QPoint at = rowRect(Merge).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, viewport->mapToGlobal(at));
    QApplication::sendEvent(viewport, &event);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(m_view->selectedRevisions(), (QStringList{Merge, ShopBase}));
    // A plain click goes back to one.
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::NoModifier, rowRect(Orders).center());
    QCOMPARE(m_view->selectedRevisions(), QStringList{Orders});

    m_view->selectRevisions({AuditHead, MainHead});
    QCOMPARE(m_view->selectedRevisions(), (QStringList{MainHead, AuditHead}));
}

void TestRevisionGraphView::ghostBannerOffersTheFix()
{
    QVERIFY(!m_view->ghostBanner()->isVisible());
    const QString ghost = QStringLiteral("deadbeef0001");
    m_view->setCurrentRevisions({ghost, AuditHead});
    QVERIFY(m_view->ghostBanner()->isVisible());
    QSignalSpy fix(m_view, &RevisionGraphView::fixGhostRequested);
    m_view->ghostFixButton()->click();
    QCOMPARE(fix.size(), 1);
    QCOMPARE(fix.first().first().toString(), ghost);
    m_view->setCurrentRevisions({AuditHead});
    QVERIFY(!m_view->ghostBanner()->isVisible());
}

void TestRevisionGraphView::rendersMarkers()
{
    const QPalette palette = m_view->treeView()->palette();
    const QRect headRow = rowRect(MainHead);
    const GraphRow head = m_view->model()
                              ->index(m_view->model()->rowOf(MainHead), 0)
                              .data(RevisionGraphModel::GraphRowRole)
                              .value<GraphRow>();
    const QColor headColour = RevisionGraphDelegate::laneColour(head.colour, palette);
    m_view->treeView()->setCurrentIndex(QModelIndex());
    QImage image = render();
    // The head's chip and ring are painted in its lane's colour: many more pixels of it
    // than on a plain revision of the same lane.
    const QRect plainRow = rowRect(QStringLiteral("4c5f2939fc95"));
    const int headPixels = countColour(image, headRow, headColour);
    const int plainPixels = countColour(image, plainRow, headColour);
    QVERIFY2(headPixels > plainPixels + 150,
             qPrintable(QStringLiteral("%1 vs %2").arg(headPixels).arg(plainPixels)));

    // No "current" marker anywhere until the database says where it is.
    const QRect ordersRow = rowRect(Orders);
    const QColor green = palette.color(QPalette::Base).lightness() < 128 ? QColor(0x4c, 0xc7, 0x6d)
                                                                         : QColor(0x1a, 0x8a, 0x3a);
    QCOMPARE(countColour(image, ordersRow, green), 0);
    m_view->setCurrentRevisions({Orders});
    image = render();
    QVERIFY(countColour(image, rowRect(Orders), green) > 40);

    // The highlighted path tints its rows.
    const QRect mergeRow = rowRect(Merge);
    const QImage before = render().copy(mergeRow);
    m_view->setHighlightedPath({Merge, MainHead});
    QVERIFY(render().copy(mergeRow) != before);
}

QTEST_MAIN(TestRevisionGraphView)
#include "tst_revisiongraphview.moc"
