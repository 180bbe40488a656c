// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/checknativecommand.h"

#include "schema/nativecheck.h"

namespace Retort {

CommandOutput CheckNativeCommand::run(const CommandContext &context, const CliArguments &arguments)
{
    QStringList dialects = {QStringLiteral("sqlite"), QStringLiteral("postgresql"), QStringLiteral("mysql")};
    if (!arguments.dialect.isEmpty()) {
        const Result<QString> named = CommandContext::dialectFromName(arguments.dialect);
        if (!named)
            return CommandOutput::failure(named.error());
        dialects = {named.value()};
    }
    const QString range = arguments.revisions.isEmpty() ? QStringLiteral("base:heads") : arguments.revision();
    const Result<NativeCheckReport> report = NativeCheck(context.map()).check(range, dialects);
    if (!report)
        return CommandOutput::failure(report.error());

    QString text;
    for (const Diagnostic &d : report->diagnostics)
        text += d.toString() + QLatin1Char('\n');
    const qsizetype total = report->revisions.size();
    if (report->allNative()) {
        text += QStringLiteral("all %1 migrations can be rendered natively\n").arg(total);
        return CommandOutput::success(text);
    }
    text += QStringLiteral("%1 of %2 migrations cannot be rendered natively (%3 problems)\n")
                .arg(report->failing.size())
                .arg(total)
                .arg(report->diagnostics.size());
    CommandOutput out = CommandOutput::success(text);
    out.exitCode = 1;
    return out;
}

} // namespace Retort
