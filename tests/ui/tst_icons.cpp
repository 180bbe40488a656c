// SPDX-License-Identifier: GPL-3.0-or-later
#include "icons.h"

#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;

namespace {

// How many pixels of image are not fully transparent.
int paintedPixels(const QImage &image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    int count = 0;
    for (int y = 0; y < argb.height(); ++y) {
        for (int x = 0; x < argb.width(); ++x)
            count += qAlpha(argb.pixel(x, y)) > 0 ? 1 : 0;
    }
    return count;
}

// The most opaque pixel's colour: the outline of a line icon.
QColor strongestPixel(const QImage &image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    QRgb best = 0;
    for (int y = 0; y < argb.height(); ++y) {
        for (int x = 0; x < argb.width(); ++x) {
            if (qAlpha(argb.pixel(x, y)) > qAlpha(best))
                best = argb.pixel(x, y);
        }
    }
    return QColor::fromRgba(best);
}

QPalette paletteWithText(const QColor &text)
{
    QPalette palette = QApplication::palette();
    palette.setColor(QPalette::Active, QPalette::WindowText, text);
    palette.setColor(QPalette::Inactive, QPalette::WindowText, text);
    return palette;
}

} // namespace

class TestIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // No desktop theme: the bundled icons are what the tests see.
        QIcon::setThemeSearchPaths({});
        QIcon::setThemeName(QString());
    }

    void everyBundledIconRendersAtEverySize_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList names = Icons::bundledNames();
        QVERIFY(names.size() >= 30);
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << name;
    }

    void everyBundledIconRendersAtEverySize()
    {
        QFETCH(QString, name);
        const QIcon icon = Icons::bundled(name);
        QVERIFY(!icon.isNull());
        for (const int size : {16, 22, 32, 64}) {
            const QPixmap pixmap = icon.pixmap(QSize(size, size));
            QCOMPARE(pixmap.size(), QSize(size, size));
            QVERIFY2(paintedPixels(pixmap.toImage()) > size * size / 20,
                     qPrintable(QStringLiteral("%1 is nearly empty at %2 px").arg(name).arg(size)));
        }
    }

    void hiDpiPixmapsHaveDevicePixels()
    {
        const QIcon icon = Icons::action(QStringLiteral("document-open"));
        const QPixmap pixmap = icon.pixmap(QSize(16, 16), 2.0);
        QCOMPARE(pixmap.deviceIndependentSize().toSize(), QSize(16, 16));
        QCOMPARE(pixmap.size(), QSize(32, 32));

        QImage target(QSize(32, 32), QImage::Format_ARGB32_Premultiplied);
        target.setDevicePixelRatio(2.0);
        target.fill(Qt::transparent);
        QPainter painter(&target);
        icon.paint(&painter, QRect(0, 0, 16, 16));
        painter.end();
        // Painted at device resolution: thin lines stay thin instead of being scaled up.
        QVERIFY(paintedPixels(target) > 0);
        QVERIFY(paintedPixels(target) < 32 * 32 / 2);
    }

    void outlinesFollowThePalette_data()
    {
        QTest::addColumn<QColor>("text");
        QTest::newRow("light palette") << QColor(0x20, 0x20, 0x20);
        QTest::newRow("dark palette") << QColor(0xf0, 0xf0, 0xf0);
    }

    void outlinesFollowThePalette()
    {
        QFETCH(QColor, text);
        const QPalette saved = QApplication::palette();
        QApplication::setPalette(paletteWithText(text));
        const QColor outline = strongestPixel(Icons::action(QStringLiteral("go-up")).pixmap(32, 32).toImage());
        QApplication::setPalette(saved);
        QCOMPARE(outline.rgb(), text.rgb());
    }

    void disabledIconsAreFaded()
    {
        const QIcon icon = Icons::action(QStringLiteral("retort-upgrade"));
        const QColor normal = strongestPixel(icon.pixmap(QSize(32, 32), QIcon::Normal).toImage());
        const QColor disabled = strongestPixel(icon.pixmap(QSize(32, 32), QIcon::Disabled).toImage());
        QCOMPARE(normal.alpha(), 255);
        QVERIFY(disabled.alpha() < 160);
    }

    void unknownNameGivesNullIcon()
    {
        QVERIFY(Icons::action(QStringLiteral("no-such-icon-anywhere")).isNull());
    }

    void themeIconWinsOverBundledOne()
    {
        QTemporaryDir themes;
        QVERIFY(themes.isValid());
        const QString themeDir = themes.filePath(QStringLiteral("testtheme"));
        QVERIFY(QDir().mkpath(themeDir + QStringLiteral("/16x16/actions")));
        QFile index(themeDir + QStringLiteral("/index.theme"));
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write("[Icon Theme]\nName=testtheme\nDirectories=16x16/actions\n\n"
                    "[16x16/actions]\nSize=16\nType=Fixed\n");
        index.close();
        QImage red(16, 16, QImage::Format_ARGB32);
        red.fill(Qt::red);
        for (const char *name : {"document-open", "retort-stamp"})
            QVERIFY(red.save(themeDir + QStringLiteral("/16x16/actions/%1.png").arg(QLatin1String(name))));
        QIcon::setThemeSearchPaths({themes.path()});
        QIcon::setThemeName(QStringLiteral("testtheme"));

        QCOMPARE(strongestPixel(Icons::action(QStringLiteral("document-open")).pixmap(16, 16).toImage()).rgb(),
                 QColor(Qt::red).rgb());
        // Retort's own actions keep Retort's icons whatever the theme has.
        QVERIFY(strongestPixel(Icons::action(QStringLiteral("retort-stamp")).pixmap(16, 16).toImage()).rgb()
                != QColor(Qt::red).rgb());
    }

    // Every Icons::action(QStringLiteral("name")) in ui/ has its bundled SVG, so no action is
    // left without an icon on a desktop without an icon theme.
    void everyNameUsedInTheUiIsBundled()
    {
        const QRegularExpression use(QStringLiteral("Icons::action\\(\\s*QStringLiteral\\(\"([^\"]+)\"\\)"));
        const QStringList bundled = Icons::bundledNames();
        QStringList used;
        QDirIterator it(QStringLiteral(RETORT_SOURCE_DIR "/ui"), {QStringLiteral("*.cpp")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            for (auto match = use.globalMatch(text); match.hasNext();) {
                const QString name = match.next().captured(1);
                used << name;
                QVERIFY2(bundled.contains(name),
                         qPrintable(QStringLiteral("%1 uses the icon %2, which has no SVG in "
                                                   "resources/icons/actions")
                                        .arg(file.fileName(), name)));
            }
        }
        QVERIFY(used.size() >= 10);
    }
};

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
