// SPDX-License-Identifier: GPL-3.0-or-later
#include "connections/connectionsdialog.h"
#include "connections/passwordstore.h"
#include "mainwindow.h"
#include "settings/languagemenu.h"
#include "settings/languagesettings.h"
#include "settings/translationloader.h"

#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using Retort::LanguageSettings;
using Retort::TranslationLoader;

// The four translations load and reach the windows, the system's languages pick the right
// one, and the Language menu's override wins over the system.
class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void systemLanguagesPickATranslation_data();
    void systemLanguagesPickATranslation();
    void windowsSpeakTheInstalledLanguage_data();
    void windowsSpeakTheInstalledLanguage();
    void menusKeepDistinctAccelerators_data();
    void menusKeepDistinctAccelerators();
    void pluralsFollowTheLanguage_data();
    void pluralsFollowTheLanguage();
    void unknownLanguageKeepsEnglish();
    void savedOverrideWinsOverTheSystem();
    void languageMenuSavesTheChoice();

private:
    static QStringList menuTitles(const QMainWindow &window);
    static QStringList acceleratorClashes(const QMainWindow &window);
    QTemporaryDir m_settings;
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settings.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
}

void TestTranslations::init()
{
    QSettings().clear();
}

QStringList TestTranslations::menuTitles(const QMainWindow &window)
{
    QStringList titles;
    const QList<QAction *> actions = window.menuBar()->actions();
    for (const QAction *action : actions)
        titles << action->text();
    return titles;
}

// Pairs of entries of one menu (or of the menu bar) that share an accelerator letter.
QStringList TestTranslations::acceleratorClashes(const QMainWindow &window)
{
    QList<QList<QAction *>> groups{window.menuBar()->actions()};
    const QList<QMenu *> menus = window.findChildren<QMenu *>();
    for (const QMenu *menu : menus)
        groups << menu->actions();
    QStringList clashes;
    for (const QList<QAction *> &group : std::as_const(groups)) {
        QHash<QChar, QString> seen;
        for (const QAction *action : group) {
            const QString text = action->text();
            const qsizetype amp = text.indexOf(QLatin1Char('&'));
            if (action->isSeparator() || amp < 0 || amp + 1 >= text.size())
                continue;
            const QChar key = text.at(amp + 1).toLower();
            if (seen.contains(key))
                clashes << seen.value(key) + QLatin1String(" / ") + text;
            else
                seen.insert(key, text);
        }
    }
    return clashes;
}

void TestTranslations::systemLanguagesPickATranslation_data()
{
    QTest::addColumn<QStringList>("uiLanguages");
    QTest::addColumn<QString>("expected");
    QTest::newRow("German") << QStringList{QStringLiteral("de-DE")} << QStringLiteral("de");
    QTest::newRow("Austrian German") << QStringList{QStringLiteral("de-AT"), QStringLiteral("de")} << QStringLiteral("de");
    QTest::newRow("French") << QStringList{QStringLiteral("fr-FR")} << QStringLiteral("fr");
    QTest::newRow("Canadian French") << QStringList{QStringLiteral("fr-CA")} << QStringLiteral("fr");
    QTest::newRow("Mexican Spanish") << QStringList{QStringLiteral("es-MX")} << QStringLiteral("es");
    QTest::newRow("Simplified Chinese")
        << QStringList{QStringLiteral("zh-Hans-CN"), QStringLiteral("zh-CN"), QStringLiteral("zh")} << QStringLiteral("zh_CN");
    QTest::newRow("Chinese in Singapore") << QStringList{QStringLiteral("zh-SG")} << QStringLiteral("zh_CN");
    QTest::newRow("Traditional Chinese is not Simplified")
        << QStringList{QStringLiteral("zh-Hant-TW"), QStringLiteral("zh-TW")} << QStringLiteral("en");
    QTest::newRow("English first wins over a later German")
        << QStringList{QStringLiteral("en-US"), QStringLiteral("de-DE")} << QStringLiteral("en");
    QTest::newRow("first language Retort speaks")
        << QStringList{QStringLiteral("pt-BR"), QStringLiteral("fr-FR"), QStringLiteral("de-DE")} << QStringLiteral("fr");
    QTest::newRow("nothing Retort speaks") << QStringList{QStringLiteral("ja-JP")} << QStringLiteral("en");
    QTest::newRow("no languages at all") << QStringList{} << QStringLiteral("en");
}

void TestTranslations::systemLanguagesPickATranslation()
{
    QFETCH(QStringList, uiLanguages);
    QFETCH(QString, expected);
    QCOMPARE(LanguageSettings::pick(uiLanguages), expected);
}

void TestTranslations::windowsSpeakTheInstalledLanguage_data()
{
    const auto u = [](const char *text) { return QString::fromUtf8(text); };
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("fileMenu");
    QTest::addColumn<QString>("helpMenu");
    QTest::addColumn<QString>("previewDock");
    QTest::addColumn<QString>("connectionsTitle");
    QTest::newRow("en") << u("en") << u("&File") << u("&Help") << u("SQL Preview") << u("Database Connections");
    QTest::newRow("de") << u("de") << u("&Datei") << u("&Hilfe") << u("SQL-Vorschau") << u("Datenbankverbindungen");
    QTest::newRow("fr") << u("fr") << u("&Fichier") << u("Aid&e") << u("Aperçu SQL") << u("Connexions aux bases de données");
    QTest::newRow("es") << u("es") << u("&Archivo") << u("Ay&uda") << u("Vista previa SQL") << u("Conexiones de bases de datos");
    QTest::newRow("zh_CN") << u("zh_CN") << u("文件(&F)") << u("帮助(&H)") << u("SQL 预览") << u("数据库连接");
}

void TestTranslations::windowsSpeakTheInstalledLanguage()
{
    QFETCH(QString, code);
    QFETCH(QString, fileMenu);
    QFETCH(QString, helpMenu);
    QFETCH(QString, previewDock);
    QFETCH(QString, connectionsTitle);

    TranslationLoader loader;
    QVERIFY(loader.install(code));
    QCOMPARE(loader.language(), code);

    Retort::MainWindow window;
    const QStringList menus = menuTitles(window);
    QVERIFY2(menus.contains(fileMenu), qPrintable(menus.join(QLatin1String(" | "))));
    QVERIFY2(menus.contains(helpMenu), qPrintable(menus.join(QLatin1String(" | "))));
    QDockWidget *preview = window.dock(QStringLiteral("previewDock"));
    QVERIFY(preview);
    QCOMPARE(preview->windowTitle(), previewDock);

    Retort::PasswordStore passwords;
    Retort::ConnectionsDialog dialog(&passwords);
    QCOMPARE(dialog.windowTitle(), connectionsTitle);
}

void TestTranslations::menusKeepDistinctAccelerators_data()
{
    QTest::addColumn<QString>("code");
    for (const char *code : {"de", "fr", "es", "zh_CN"})
        QTest::newRow(code) << QString::fromLatin1(code);
}

void TestTranslations::menusKeepDistinctAccelerators()
{
    QFETCH(QString, code);
    // A translation may not add clashes the English menus do not have.
    const QStringList english = [] {
        Retort::MainWindow window;
        return acceleratorClashes(window);
    }();
    TranslationLoader loader;
    QVERIFY(loader.install(code));
    Retort::MainWindow window;
    const QStringList translated = acceleratorClashes(window);
    QVERIFY2(translated.size() <= english.size(),
             qPrintable(QStringLiteral("%1 clashes in %2, %3 in English: %4")
                            .arg(translated.size())
                            .arg(code)
                            .arg(english.size())
                            .arg(translated.join(QLatin1String("; ")))));
}

void TestTranslations::pluralsFollowTheLanguage_data()
{
    const auto u = [](const char *text) { return QString::fromUtf8(text); };
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expected");
    QTest::newRow("de 5") << u("de") << 5 << u("5 Migrationen");
    QTest::newRow("fr 0 is singular") << u("fr") << 0 << u("0 migration");
    QTest::newRow("fr 3") << u("fr") << 3 << u("3 migrations");
    QTest::newRow("es 2") << u("es") << 2 << u("2 migraciones");
    QTest::newRow("zh_CN 7") << u("zh_CN") << 7 << u("7 个迁移");
}

void TestTranslations::pluralsFollowTheLanguage()
{
    QFETCH(QString, code);
    QFETCH(int, count);
    QFETCH(QString, expected);
    TranslationLoader loader;
    QVERIFY(loader.install(code));
    QCOMPARE(QCoreApplication::translate("Retort::RunPanel", "%n migrations", nullptr, count), expected);
}

void TestTranslations::unknownLanguageKeepsEnglish()
{
    TranslationLoader loader;
    QVERIFY(loader.install(QStringLiteral("de")));
    QVERIFY(!loader.install(QStringLiteral("pt_BR")));
    QCOMPARE(loader.language(), QStringLiteral("en"));
    Retort::MainWindow window;
    QVERIFY(menuTitles(window).contains(QStringLiteral("&File")));
}

void TestTranslations::savedOverrideWinsOverTheSystem()
{
    const QString system = LanguageSettings::pick(QLocale::system().uiLanguages());
    QCOMPARE(LanguageSettings::saved(), QString());
    QCOMPARE(LanguageSettings::effective(), system);

    // A language other than the system's, so that the override is visible.
    const QString chosen = system == QLatin1String("fr") ? QStringLiteral("es") : QStringLiteral("fr");
    LanguageSettings::save(chosen);
    QCOMPARE(LanguageSettings::saved(), chosen);
    QCOMPARE(LanguageSettings::effective(), chosen);

    TranslationLoader loader;
    QVERIFY(loader.install(LanguageSettings::effective()));
    Retort::MainWindow window;
    QVERIFY(menuTitles(window).contains(chosen == QLatin1String("fr") ? QStringLiteral("&Fichier")
                                                                      : QStringLiteral("&Archivo")));

    // An unknown code in the settings (an older or newer Retort wrote it) is ignored.
    QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("tlh"));
    QCOMPARE(LanguageSettings::saved(), QString());
    QCOMPARE(LanguageSettings::effective(), system);

    LanguageSettings::save(QStringLiteral("de"));
    LanguageSettings::save(QString());
    QCOMPARE(LanguageSettings::saved(), QString());
    QCOMPARE(LanguageSettings::effective(), system);
}

void TestTranslations::languageMenuSavesTheChoice()
{
    Retort::MainWindow window;
    auto *menu = window.findChild<Retort::LanguageMenu *>(QStringLiteral("languageMenu"));
    QVERIFY2(menu, "the main window has no Language menu");
    QVERIFY(menu->action(QString())->isChecked());

    QSignalSpy chosen(menu, &Retort::LanguageMenu::languageChosen);
    menu->action(QStringLiteral("zh_CN"))->trigger();
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.constFirst().constFirst().toString(), QStringLiteral("zh_CN"));
    QCOMPARE(LanguageSettings::saved(), QStringLiteral("zh_CN"));
    QCOMPARE(menu->action(QStringLiteral("zh_CN"))->text(), QStringLiteral("简体中文"));

    // The menu says the change waits for a restart.
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>()) != nullptr);
    QVERIFY2(box->text().contains(QStringLiteral("简体中文")), qPrintable(box->text()));
    box->close();

    menu->action(QString())->trigger();
    QCOMPARE(LanguageSettings::saved(), QString());

    // A new menu shows the saved choice.
    LanguageSettings::save(QStringLiteral("es"));
    Retort::LanguageMenu second;
    QVERIFY(second.action(QStringLiteral("es"))->isChecked());
    QVERIFY(!second.action(QString())->isChecked());
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
