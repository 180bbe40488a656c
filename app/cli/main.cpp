// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/cliargumentparser.h"
#include "commands/clirunner.h"

#include <QCoreApplication>

#include <cstdio>

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

    const Retort::CommandOutput output = Retort::CliRunner::run(app.arguments().mid(1));
    write(stdout, output.standardOutput);
    write(stderr, output.standardError);
    return output.exitCode;
}
