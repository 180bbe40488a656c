// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/cliarguments.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Retort {

// What parsing a retort-cli command line produced.
struct CliParseResult
{
    enum class Outcome {
        Run, // arguments are complete: run arguments.command
        Help, // -h/--help: print text on stdout, exit 0
        Version, // --version: print text on stdout, exit 0
        UsageError, // bad command line: print text on stderr, exit 2 (argparse's convention)
    };

    Outcome outcome = Outcome::Run;
    CliArguments arguments;
    QString text; // help/version text, or "usage: ...\nretort-cli <cmd>: error: ...\n"
};

// Parses retort-cli's command line the way Python's argparse parses Alembic's:
// global options before the command, command options after it; long options may be
// abbreviated to a unique prefix and take their value as `--opt=value` or `--opt value`;
// short options as `-rvalue` or `-r value`; a value may not start with '-' unless it is
// a negative number (so `history --rev-range=-1:` works and `-r -1:` is a usage error,
// exactly like Alembic). Stateless and thread-safe.
class CliArgumentParser
{
public:
    explicit CliArgumentParser(QString programName = QStringLiteral("retort-cli"));

    // arguments without the program name (argv[1..]).
    CliParseResult parse(const QStringList &arguments) const;

    // The text of --help (the command list with one line each).
    QString helpText() const;
    // The text of `<command> --help`; empty for an unknown command.
    QString commandHelpText(const QString &command) const;

    // Retort's version, as --version prints it.
    static QString version();

    // Every command name, sorted, and its one-line description.
    static QStringList commandNames();
    static QString commandDescription(const QString &command);

private:
    QString m_program;
};

} // namespace Retort
