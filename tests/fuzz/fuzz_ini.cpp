// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: alembic.ini reading. IniFile parses the text and every option of
// every section is read with interpolation; then AlembicConfig reads the same text and
// each typed option Alembic reads is asked for.
#include "fuzzentry.h"

#include "config/alembicconfig.h"
#include "config/inifile.h"

#include <QString>

using namespace Retort;

namespace {

bool readEverything(const IniFile &ini)
{
    QStringList sections = ini.sections();
    sections << QStringLiteral("DEFAULT");
    for (const QString &section : std::as_const(sections)) {
        ini.sectionLine(section);
        ini.ownKeys(section);
        for (const QString &key : ini.keys(section)) {
            if (!ini.hasOption(section, key))
                return Fuzz::fail("ini", "keys() lists an option hasOption() denies");
            ini.rawValue(section, key);
            ini.value(section, key);
            ini.line(section, key);
        }
        ini.items(section);
    }
    return true;
}

void readAlembicOptions(const AlembicConfig &config)
{
    config.scriptLocation();
    config.scriptDirectory();
    config.versionLocationEntries();
    config.versionLocations();
    config.recursiveVersionLocations();
    config.sourceless();
    config.fileTemplate();
    config.truncateSlugLength();
    config.timezone();
    config.outputEncoding();
    config.revisionEnvironment();
    config.sqlalchemyUrl();
    config.sectionItems(QStringLiteral("alembic"));
    config.xArgumentMap();
}

} // namespace

bool Retort::Fuzz::ini(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    // A directory that does not exist: paths resolve against it without touching files.
    const QString configFile = QStringLiteral("/nonexistent/retort-fuzz/alembic.ini");

    IniFile ini;
    ini.setBuiltinDefault(QStringLiteral("here"), QStringLiteral("/nonexistent/retort-fuzz"));
    if (!ini.readString(text, configFile) && ini.errorString().isEmpty())
        return Fuzz::fail("ini", "IniFile refused without a message");
    if (!readEverything(ini))
        return false;

    const Result<AlembicConfig> config = AlembicConfig::fromString(text, configFile);
    if (config)
        readAlembicOptions(*config);
    else if (config.error().isEmpty())
        return Fuzz::fail("ini", "AlembicConfig refused without a message");
    return true;
}
