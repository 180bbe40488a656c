// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/cliargumentparser.h"
#include "commands/clirunner.h"
#include "commands/onlinemigrationcommand.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <unistd.h>

namespace {

// UTF-8 whatever the locale: output is compared byte for byte with Alembic's.
void write(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("retort-cli"));
    QCoreApplication::setApplicationVersion(Retort::CliArgumentParser::version());

    // A run's log lines and progress appear as it goes, not when it ends.
    Retort::OnlineMigrationCommand::setLiveOutput([](const QString &text) { write(stderr, text); },
                                                  isatty(fileno(stderr)) != 0);
    // PostgreSQL's NOTICEs ("drop cascades to ...") would arrive as Qt warnings between
    // Alembic-formatted lines; they are not errors.
    QLoggingCategory::setFilterRules(QStringLiteral("qt.sql.postgresql.warning=false"));

    const Retort::CommandOutput output = Retort::CliRunner::run(app.arguments().mid(1));
    write(stdout, output.standardOutput);
    write(stderr, output.standardError);
    return output.exitCode;
}
