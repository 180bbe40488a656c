// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

namespace {

void installTranslations(QApplication &app)
{
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator);
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("retort"), QStringLiteral("_"),
                         QStringLiteral(":/i18n")))
        QApplication::installTranslator(translator);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Retort"));
    QApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));
    QApplication::setOrganizationName(QStringLiteral("Retort"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.retort.Retort"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/retort.svg")));
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Workbench for Alembic database migrations."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("project"),
        QApplication::translate("main", "The project to open: alembic.ini, its folder, or a "
                                        "folder of migration scripts."),
        QStringLiteral("[project]"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Write a picture of the window to <file> once the "
                                        "project is loaded, then quit."),
        QStringLiteral("file"));
    parser.addOption(screenshotOption);
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        parser.showHelp(2);
    const QString screenshot = parser.value(screenshotOption);

    Retort::MainWindow window;
    window.show();

    if (!screenshot.isEmpty()) {
        auto takeScreenshot = [&window, &screenshot] {
            // Let the view lay out and paint the new rows before grabbing.
            QTimer::singleShot(200, &window, [&window, &screenshot] {
                const bool saved = window.grab().save(screenshot, "PNG");
                if (!saved)
                    QTextStream(stderr) << "retort: cannot write " << screenshot << Qt::endl;
                QApplication::exit(saved ? 0 : 1);
            });
        };
        if (positional.isEmpty())
            takeScreenshot();
        else
            QObject::connect(&window, &Retort::MainWindow::projectLoaded, &window, takeScreenshot);
    }

    if (!positional.isEmpty())
        window.openProject(positional.constFirst());
    return app.exec();
}
