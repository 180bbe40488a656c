// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "settings/languagesettings.h"
#include "settings/translationloader.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QIcon>
#include <QLocale>
#include <QTextStream>
#include <QTimer>

namespace {

// The language comes from --language, else the Language menu's saved choice, else the
// system's preferred languages. It is decided before the command line is parsed so that
// --help is translated too; an override also sets the locale for numbers and dates.
QString chooseLanguage(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg.startsWith(QLatin1String("--language=")))
            return arg.mid(11);
        if (arg == QLatin1String("--language") && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
    }
    return Retort::LanguageSettings::effective();
}

// Grabs the window once everything it computes in the background has arrived (the
// graph, the editor, the SQL preview, the database's revision), or after 15 s.
void screenshotWhenSettled(Retort::MainWindow *window, const QString &file)
{
    auto *timer = new QTimer(window);
    auto *clock = new QElapsedTimer;
    clock->start();
    int settledTicks = 0;
    QObject::connect(timer, &QTimer::timeout, window, [window, file, timer, clock, settledTicks]() mutable {
        settledTicks = window->isSettled() ? settledTicks + 1 : 0;
        // A few quiet ticks in a row: results that arrive together are all painted.
        if (settledTicks < 4 && clock->elapsed() < 15000)
            return;
        timer->stop();
        delete clock;
        const bool saved = window->grab().save(file, "PNG");
        if (!saved)
            QTextStream(stderr) << QApplication::translate("main", "retort: cannot write %1").arg(file) << Qt::endl;
        QApplication::exit(saved ? 0 : 1);
    });
    timer->start(100);
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
    const QString language = chooseLanguage(argc, argv);
    Retort::TranslationLoader translations;
    const bool translated = translations.install(language);
    if (translated && language != Retort::LanguageSettings::pick(QLocale::system().uiLanguages()))
        QLocale::setDefault(QLocale(language));

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
    const QCommandLineOption paletteOption(
        QStringLiteral("palette"),
        QApplication::translate("main", "Use the light or dark colours instead of the system's "
                                        "(<palette>: light, dark or system)."),
        QStringLiteral("palette"));
    const QCommandLineOption paneOption(
        QStringLiteral("pane"),
        QApplication::translate("main", "Bring the pane <name> to the front (editorDock, previewDock, "
                                        "schemaDock, runDock, logDock, learnDock); may be repeated."),
        QStringLiteral("name"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QApplication::translate("main", "Use the language <code> (en, de, fr, es or zh_CN) instead of the one "
                                        "chosen in the Language menu or the system's."),
        QStringLiteral("code"));
    parser.addOption(screenshotOption);
    parser.addOption(paletteOption);
    parser.addOption(paneOption);
    parser.addOption(languageOption);
    parser.process(app);
    if (!translated) {
        QTextStream(stderr) << QApplication::translate("main", "retort: no translation for '%1' (use en, de, fr, "
                                                               "es or zh_CN)").arg(language) << Qt::endl;
        return 2;
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        parser.showHelp(2);
    const QString screenshot = parser.value(screenshotOption);

    Retort::Theme::Kind theme = Retort::Theme::saved();
    if (parser.isSet(paletteOption) && !Retort::Theme::fromName(parser.value(paletteOption), &theme)) {
        QTextStream(stderr) << QApplication::translate("main", "retort: unknown palette '%1' (use light, dark or system)")
                                   .arg(parser.value(paletteOption))
                            << Qt::endl;
        return 2;
    }
    if (theme != Retort::Theme::System || parser.isSet(paletteOption))
        Retort::Theme::apply(theme);

    Retort::MainWindow window;
    if (!screenshot.isEmpty()) {
        // Pictures of the same size whatever an earlier session left in the settings.
        window.resetLayout();
        window.resize(1440, 900);
    }
    const QStringList panes = parser.values(paneOption);
    for (const QString &pane : panes) {
        if (QDockWidget *dock = window.dock(pane)) {
            dock->show();
            dock->raise();
        } else {
            QTextStream(stderr) << QApplication::translate("main", "retort: no pane named '%1'").arg(pane) << Qt::endl;
        }
    }
    window.show();

    if (!screenshot.isEmpty()) {
        if (positional.isEmpty())
            screenshotWhenSettled(&window, screenshot);
        else
            QObject::connect(&window, &Retort::MainWindow::projectLoaded, &window,
                             [&window, screenshot] { screenshotWhenSettled(&window, screenshot); },
                             Qt::SingleShotConnection);
    }

    if (!positional.isEmpty())
        window.openProject(positional.constFirst());
    return app.exec();
}
