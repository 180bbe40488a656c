// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/commandoutput.h"

#include <QStringList>

namespace Retort {

// retort-cli as a function: parses the command line (CliArgumentParser), loads the
// project once (CommandContext) and runs the command, returning what to print and the
// exit status (0; 255 with "FAILED: <message>" for Alembic-style errors; 2 with
// argparse-style usage text on stderr). app/cli/main.cpp only prints the result; the
// tests and the GUI call it in-process. Reentrant: no global state besides the
// environment ($ALEMBIC_CONFIG) and the working directory.
class CliRunner
{
public:
    // arguments: argv without the program name.
    static CommandOutput run(const QStringList &arguments);
};

} // namespace Retort
