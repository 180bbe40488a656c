// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/stairwaycommand.h"

#include "db/databaseurlresolver.h"
#include "run/stairway.h"

namespace Retort {

CommandOutput StairwayCommand::run(const CommandContext &context, const CliArguments &arguments)
{
    Stairway stairway(context.map());
    stairway.setVersionTable(DatabaseUrlResolver(context.layout()).versionTable());
    const Result<Stairway::Report> report = stairway.run(arguments.url);
    if (!report)
        return CommandOutput::failure(report.error());

    QString out;
    for (const Stairway::StepResult &step : report->steps)
        out += (step.passed ? QStringLiteral("ok      ") : QStringLiteral("FAILED  ")) + step.description +
               QLatin1Char('\n');
    if (report->passed) {
        out += QStringLiteral("Stairway passed: %1 migration(s) upgraded, downgraded and upgraded again on %2\n")
                   .arg(report->steps.size())
                   .arg(arguments.url.isEmpty() ? QStringLiteral("a temporary SQLite database") : report->url);
        return CommandOutput::success(out);
    }
    const Stairway::StepResult &last = report->steps.constLast();
    QString message = QStringLiteral("Stairway broken at %1 (%2): %3")
                          .arg(last.revision,
                               context.map().revision(last.revision) ? context.map().revision(last.revision)->path
                                                                     : QString(),
                               last.failure);
    for (const QString &line : last.differences)
        message += QStringLiteral("\n    ") + line;
    CommandOutput failed = CommandOutput::failure(message);
    failed.standardOutput.prepend(out);
    return failed;
}

} // namespace Retort
