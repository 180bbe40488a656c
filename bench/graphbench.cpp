// SPDX-License-Identifier: GPL-3.0-or-later
// retort-graph-bench: times the revision graph view on a large project.
//
//   retort-graph-bench [--repeat N] PROJECT
//   retort-graph-bench --screenshot DIR [--width W] [--height H] PROJECT
//
// Run it with QT_QPA_PLATFORM=offscreen. The first form prints, in one process:
//   load         ProjectLoader::loadNow (scan + read headers + RevisionMap)
//   layout       GraphLayout (rows, lanes, segments)
//   first paint  from the start of main() to the end of the view's first paint
//   repaint      one full synchronous repaint of the visible graph (median and max of
//                N, default 50, at the top, the middle and the bottom of the history)
//   memory       resident set size after the first paint, and its peak
// and exits 1 when first paint is 1 s or more, or a repaint's median 16 ms or more.
// The second form renders the view on PROJECT (a current revision, a highlighted
// upgrade path and a badge set to show every marker) under a light and a dark palette
// to DIR/graph-light.png and DIR/graph-dark.png.
#include "graph/graphlayout.h"
#include "graph/revisiongraphmodel.h"
#include "graph/revisiongraphview.h"
#include "projectloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QPalette>
#include <QScrollBar>
#include <QStyleFactory>
#include <QTextStream>
#include <QTreeView>

#include <algorithm>
#include <vector>

using namespace Retort;

namespace {

QElapsedTimer g_sinceStart;

// VmRSS and VmHWM of this process, in MiB, from /proc (0 elsewhere).
std::pair<double, double> residentMemory()
{
    QFile status(QStringLiteral("/proc/self/status"));
    double rss = 0;
    double peak = 0;
    if (status.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = status.readAll().split('\n');
        for (const QByteArray &line : lines) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            if (parts.size() >= 2 && parts.at(0) == "VmRSS:")
                rss = parts.at(1).toDouble() / 1024;
            if (parts.size() >= 2 && parts.at(0) == "VmHWM:")
                peak = parts.at(1).toDouble() / 1024;
        }
    }
    return {rss, peak};
}

// Records when the viewport finished its first paint.
class FirstPaintWatcher : public QObject
{
public:
    qint64 paintedAt = -1;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && paintedAt < 0) {
            // Let the paint happen, then take the time.
            watched->removeEventFilter(this);
            QCoreApplication::sendEvent(watched, event);
            paintedAt = g_sinceStart.nsecsElapsed();
            return true;
        }
        return false;
    }
};

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdf, 0xe1, 0xe5);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6c, 0x6f, 0x74));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6c, 0x6f, 0x74));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6c, 0x6f, 0x74));
    return p;
}

int screenshots(const LoadedProject &project, const QString &dir, QSize size)
{
    QTextStream out(stdout);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const RevisionMap &map = project.map;
    // A database half-way up the main line; the upgrade to the first head highlighted.
    const QStringList heads = GraphLayout(map).rowCount() ? QStringList{GraphLayout(map).revisionId(0)}
                                                          : QStringList();
    QStringList current;
    QStringList path;
    if (!heads.isEmpty()) {
        const QStringList below = map.ancestors(heads, false);
        const QString start = below.value(below.size() / 2);
        current = {start};
        const QStringList done = map.ancestors(current, true);
        for (const QString &id : map.ancestors(heads, true)) {
            if (!done.contains(id))
                path.append(id);
        }
    }
    const QString badged = map.ids().value(map.ids().size() / 3);
    struct Shot
    {
        const char *name;
        bool dark;
        QString search;
        QString ghost;
    };
    const Shot shots[] = {
        {"graph-light.png", false, {}, {}},
        {"graph-dark.png", true, {}, {}},
        {"graph-search-light.png", false, QStringLiteral("order"), {}},
        {"graph-ghost-dark.png", true, {}, QStringLiteral("0badc0ffee42")},
    };
    for (const Shot &shot : shots) {
        const bool dark = shot.dark;
        const QPalette palette = dark ? darkPalette() : QApplication::style()->standardPalette();
        QApplication::setPalette(palette);
        RevisionGraphView view;
        view.resize(size);
        view.setProject(map);
        view.setCurrentRevisions(shot.ghost.isEmpty() ? current : current + QStringList{shot.ghost});
        view.setHighlightedPath(path);
        view.setDiagnostics({{badged, QStringLiteral("op.execute() with a computed string")}});
        view.show();
        view.selectRevision(heads.value(0));
        if (!shot.search.isEmpty())
            view.setSearchText(shot.search);
        QCoreApplication::processEvents();
        const QString file = QDir(dir).filePath(QString::fromLatin1(shot.name));
        if (!view.grab().save(file)) {
            out << "cannot write " << file << Qt::endl;
            return 1;
        }
        out << file << Qt::endl;
    }
    return 0;
}

struct Figures
{
    double median = 0;
    double maximum = 0;
};

Figures timeRepaints(QTreeView *tree, int repeat)
{
    std::vector<double> samples;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        tree->viewport()->repaint();
        samples.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(samples.begin(), samples.end());
    return {samples[samples.size() / 2], samples.back()};
}

} // namespace

int main(int argc, char *argv[])
{
    g_sinceStart.start();
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Alembic project"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
                                          QStringLiteral("repaints to time"), QStringLiteral("n"),
                                          QStringLiteral("50"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("write PNGs to this folder"),
                                              QStringLiteral("dir"));
    const QCommandLineOption widthOption(QStringLiteral("width"), QStringLiteral("window width"),
                                         QStringLiteral("px"), QStringLiteral("1000"));
    const QCommandLineOption heightOption(QStringLiteral("height"), QStringLiteral("window height"),
                                          QStringLiteral("px"), QStringLiteral("720"));
    parser.addOptions({repeatOption, screenshotOption, widthOption, heightOption});
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);
    QTextStream out(stdout);
    const QSize size(parser.value(widthOption).toInt(), parser.value(heightOption).toInt());

    QElapsedTimer timer;
    timer.start();
    const LoadedProject project = ProjectLoader::loadNow(parser.positionalArguments().first());
    const double load = double(timer.nsecsElapsed()) / 1e6;
    if (!project.isOpen()) {
        out << "cannot open the project: " << project.errorString << Qt::endl;
        return 2;
    }
    if (parser.isSet(screenshotOption))
        return screenshots(project, parser.value(screenshotOption), size);

    timer.restart();
    const GraphLayout layout(project.map);
    const double layoutTime = double(timer.nsecsElapsed()) / 1e6;

    RevisionGraphView view;
    view.resize(size);
    FirstPaintWatcher watcher;
    view.treeView()->viewport()->installEventFilter(&watcher);
    view.setProject(project.map, layout);
    view.show();
    while (watcher.paintedAt < 0)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    const double firstPaint = double(watcher.paintedAt) / 1e6;
    const auto [rss, peak] = residentMemory();

    const int repeat = std::max(1, parser.value(repeatOption).toInt());
    QScrollBar *scroll = view.treeView()->verticalScrollBar();
    const Figures top = timeRepaints(view.treeView(), repeat);
    scroll->setValue(scroll->maximum() / 2);
    const Figures middle = timeRepaints(view.treeView(), repeat);
    scroll->setValue(scroll->maximum());
    const Figures bottom = timeRepaints(view.treeView(), repeat);
    const double worst = std::max({top.median, middle.median, bottom.median});

    const int visibleRows = view.treeView()->viewport()->height()
        / std::max(1, view.treeView()->sizeHintForRow(0));
    out << "revisions            " << project.map.size() << " (" << layout.maxWidth()
        << " lanes at most, " << layout.segmentCount() << " segments)" << Qt::endl;
    out << Qt::fixed << qSetRealNumberPrecision(2);
    out << "load                 " << load << " ms" << Qt::endl;
    out << "layout               " << layoutTime << " ms" << Qt::endl;
    out << "first paint          " << firstPaint << " ms from start (target < 1000): "
        << (firstPaint < 1000 ? "OK" : "ABOVE TARGET") << Qt::endl;
    out << "repaint, " << visibleRows << " rows  top " << top.median << " ms (max " << top.maximum
        << "), middle " << middle.median << " ms (max " << middle.maximum << "), bottom "
        << bottom.median << " ms (max " << bottom.maximum << "), median of " << repeat
        << " (target < 16): " << (worst < 16 ? "OK" : "ABOVE TARGET") << Qt::endl;
    out << "memory               " << rss << " MiB resident after first paint, peak " << peak
        << " MiB" << Qt::endl;
    return firstPaint < 1000 && worst < 16 ? 0 : 1;
}
