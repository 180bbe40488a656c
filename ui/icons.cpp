// SPDX-License-Identifier: GPL-3.0-or-later
#include "icons.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QImageReader>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>

namespace Retort {

namespace {

const QLatin1String bundledFolder(":/icons/actions/");
const QLatin1String ownPrefix("retort-");

// Paints one bundled SVG. The SVG says "currentColor" where it wants the text colour; the
// engine puts in the palette's colour for the icon's mode before rendering, which Qt's own
// SVG icon engine cannot do.
class PaletteSvgIconEngine final : public QIconEngine
{
public:
    PaletteSvgIconEngine(const QString &path, const QByteArray &svg)
        : m_path(path)
        , m_svg(svg)
    {
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override
    {
        return render(size, mode);
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap pixmap = render(rect.size() * ratio, mode);
        pixmap.setDevicePixelRatio(ratio);
        painter->drawPixmap(rect, pixmap);
    }

    QIconEngine *clone() const override { return new PaletteSvgIconEngine(m_path, m_svg); }
    QString key() const override { return QStringLiteral("RetortPaletteSvg"); }
    QString iconName() override { return QFileInfo(m_path).completeBaseName(); }

private:
    QPixmap render(const QSize &size, QIcon::Mode mode) const
    {
        if (size.isEmpty())
            return QPixmap();
        const QPalette palette = QGuiApplication::palette();
        const QColor text = mode == QIcon::Selected
            ? palette.color(QPalette::Active, QPalette::HighlightedText)
            : palette.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
                            QPalette::WindowText);
        const QString cacheKey = QStringLiteral("retort-icon:%1:%2x%3:%4:%5")
                                     .arg(m_path)
                                     .arg(size.width())
                                     .arg(size.height())
                                     .arg(int(mode))
                                     .arg(text.rgba());
        QPixmap pixmap;
        if (QPixmapCache::find(cacheKey, &pixmap))
            return pixmap;

        QByteArray svg = m_svg;
        svg.replace("currentColor", text.name(QColor::HexRgb).toLatin1());
        QBuffer buffer(&svg);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer, "svg");
        reader.setScaledSize(size);
        QImage image = reader.read();
        if (image.isNull())
            return QPixmap();
        if (mode == QIcon::Disabled) {
            // The coloured parts fade too, as with the theme's icons.
            QImage faded(image.size(), QImage::Format_ARGB32_Premultiplied);
            faded.fill(Qt::transparent);
            QPainter painter(&faded);
            painter.setOpacity(0.45);
            painter.drawImage(0, 0, image);
            painter.end();
            image = faded;
        }
        pixmap = QPixmap::fromImage(image);
        QPixmapCache::insert(cacheKey, pixmap);
        return pixmap;
    }

    QString m_path;
    QByteArray m_svg;
};

} // namespace

QIcon Icons::action(const QString &name)
{
    if (!name.startsWith(ownPrefix) && QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    return bundled(name);
}

QIcon Icons::bundled(const QString &name)
{
    // Item views ask for the same few icons for every row: read each SVG once.
    static QHash<QString, QIcon> loaded;
    const auto found = loaded.constFind(name);
    if (found != loaded.constEnd())
        return *found;
    const QString path = bundledFolder + name + QLatin1String(".svg");
    QFile file(path);
    QIcon icon;
    if (file.open(QIODevice::ReadOnly))
        icon = QIcon(new PaletteSvgIconEngine(path, file.readAll()));
    loaded.insert(name, icon);
    return icon;
}

QStringList Icons::bundledNames()
{
    QStringList names;
    const QStringList files = QDir(bundledFolder).entryList({QStringLiteral("*.svg")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        names << QFileInfo(file).completeBaseName();
    return names;
}

} // namespace Retort
