// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/cliargumentparser.h"

#include <QRegularExpression>

#include <optional>

namespace Retort {

namespace {

enum class Opt {
    Help,
    Version,
    Config,
    Name,
    X,
    Project,
    Url,
    Quiet,
    RaiseErr,
    Verbose,
    ResolveDependencies,
    IndicateCurrent,
    RevRange,
    Sql,
    Purge,
    Tag,
    Dialect,
    TransactionPerMigration,
    LockTimeout,
    Message,
    Head,
    Splice,
    BranchLabel,
    DependsOn,
    RevId,
    VersionPath,
    Python,
    Autogenerate,
};

struct OptionSpec
{
    Opt id;
    QString shortName; // "-v" or empty
    QString longName; // "--verbose" or empty
    QString metavar; // empty = a flag without value
    QString help;

    bool takesValue() const { return !metavar.isEmpty(); }
    QString displayName() const
    {
        if (shortName.isEmpty())
            return longName;
        if (longName.isEmpty())
            return shortName;
        return shortName + QLatin1Char('/') + longName;
    }
};

struct PositionalSpec
{
    QString name;
    bool oneOrMore = false;
    QString help;
    bool optional = false; // argparse nargs='?'
};

struct CommandSpec
{
    QString name;
    QString description;
    QList<OptionSpec> options;
    QList<PositionalSpec> positionals;
};

OptionSpec helpOption()
{
    return {Opt::Help, QStringLiteral("-h"), QStringLiteral("--help"), QString(),
            QStringLiteral("print this help and exit")};
}

OptionSpec verboseOption()
{
    return {Opt::Verbose, QStringLiteral("-v"), QStringLiteral("--verbose"), QString(),
            QStringLiteral("print every revision in full (Rev:, Parent:, Path:, message)")};
}

OptionSpec sqlOption()
{
    return {Opt::Sql, QString(), QStringLiteral("--sql"), QString(),
            QStringLiteral("offline mode: print the SQL script instead of running it")};
}

OptionSpec tagOption()
{
    return {Opt::Tag, QString(), QStringLiteral("--tag"), QStringLiteral("TAG"),
            QStringLiteral("a tag for env.py (accepted; offline scripts do not use it)")};
}

OptionSpec dialectOption()
{
    return {Opt::Dialect, QString(), QStringLiteral("--dialect"), QStringLiteral("DIALECT"),
            QStringLiteral("sqlite, postgresql or mysql: the SQL dialect of --sql output "
                           "(default: from --url or sqlalchemy.url)")};
}

// Online runs (upgrade/downgrade/stamp without --sql).
QList<OptionSpec> onlineRunOptions()
{
    return {{Opt::TransactionPerMigration, QString(), QStringLiteral("--transaction-per-migration"),
             QString(), QStringLiteral("online: commit after every migration instead of once at the end")},
            {Opt::LockTimeout, QString(), QStringLiteral("--lock-timeout"), QStringLiteral("SECONDS"),
             QStringLiteral("online: how long to wait for another run's lock (default 30)")}};
}

QList<OptionSpec> globalOptions()
{
    return {
        helpOption(),
        {Opt::Version, QString(), QStringLiteral("--version"), QString(),
         QStringLiteral("print retort-cli's version and exit")},
        {Opt::Config, QStringLiteral("-c"), QStringLiteral("--config"), QStringLiteral("CONFIG"),
         QStringLiteral("the ini file to read (default: $ALEMBIC_CONFIG, else "
                        "./alembic.ini)")},
        {Opt::Name, QStringLiteral("-n"), QStringLiteral("--name"), QStringLiteral("NAME"),
         QStringLiteral("the ini section with the project's settings (default: alembic)")},
        {Opt::X, QStringLiteral("-x"), QString(), QStringLiteral("X"),
         QStringLiteral("a KEY=VALUE argument for env.py; may be repeated "
                        "(-x url=... also sets the offline SQL dialect)")},
        {Opt::RaiseErr, QString(), QStringLiteral("--raiseerr"), QString(),
         QStringLiteral("accepted for compatibility with alembic (no effect)")},
        {Opt::Quiet, QStringLiteral("-q"), QStringLiteral("--quiet"), QString(),
         QStringLiteral("print nothing on stdout, not even errors")},
        {Opt::Project, QString(), QStringLiteral("--project"), QStringLiteral("PROJECT"),
         QStringLiteral("Project to open: a folder with alembic.ini, a script directory "
                        "(env.py + versions/) or a bare folder of revision files")},
        {Opt::Url, QString(), QStringLiteral("--url"), QStringLiteral("URL"),
         QStringLiteral("Database URL (SQLAlchemy form); overrides sqlalchemy.url")},
        {Opt::Python, QString(), QStringLiteral("--python"), QStringLiteral("PYTHON"),
         QStringLiteral("the Python interpreter with Alembic for revision --autogenerate "
                        "(default: $VIRTUAL_ENV, a .venv/venv/env near the project, python3 on PATH)")},
    };
}

const QList<CommandSpec> &commandSpecs()
{
    static const QList<CommandSpec> specs = {
        {QStringLiteral("bases"),
         QStringLiteral("List the base revisions, one id per line, in file order (not an alembic "
                        "command)."),
         {helpOption()},
         {}},
        {QStringLiteral("branches"),
         QStringLiteral("List every branch point with the revisions it branches into."),
         {helpOption(), verboseOption()},
         {}},
        {QStringLiteral("check-drift"),
         QStringLiteral("Compare the database's live schema with the migrations' schema at its current "
                        "revision and list the differences; exit status 1 when there are some (not an "
                        "alembic command)."),
         {helpOption(),
          {Opt::Url, QString(), QStringLiteral("--url"), QStringLiteral("URL"),
           QStringLiteral("the database (SQLAlchemy URL; default: the project's)")}},
         {}},
        {QStringLiteral("check-native"),
         QStringLiteral("List every migration that cannot be rendered natively, and why (not an "
                        "alembic command)."),
         {helpOption(), dialectOption()},
         {{QStringLiteral("range"), false,
           QStringLiteral("the upgrade range to check (default: base:heads)"), true}}},
        {QStringLiteral("current"),
         QStringLiteral("Print the revisions the database is at (needs a database)."),
         {helpOption(), verboseOption()},
         {}},
        {QStringLiteral("downgrade"),
         QStringLiteral("Run downgrades down to a revision (offline with --sql)."),
         QList<OptionSpec>{helpOption(), sqlOption(), tagOption(), dialectOption()} + onlineRunOptions(),
         {{QStringLiteral("revision"), false,
           QStringLiteral("target revision ([FROM:]TO with --sql)")}}},
        {QStringLiteral("heads"),
         QStringLiteral("List the head revisions."),
         {helpOption(),
          verboseOption(),
          {Opt::ResolveDependencies, QString(), QStringLiteral("--resolve-dependencies"), QString(),
           QStringLiteral("leave out heads that another revision depends on")}},
         {}},
        {QStringLiteral("history"),
         QStringLiteral("List the revisions, newest first."),
         {helpOption(),
          {Opt::RevRange, QStringLiteral("-r"), QStringLiteral("--rev-range"),
           QStringLiteral("REV_RANGE"),
           QStringLiteral("only revisions in START:END (either end may be empty)")},
          verboseOption(),
          {Opt::IndicateCurrent, QStringLiteral("-i"), QStringLiteral("--indicate-current"),
           QString(), QStringLiteral("mark the database's current revisions (needs a database)")}},
         {}},
        {QStringLiteral("inspect"),
         QStringLiteral("Print the database's live schema, one line per table, column, constraint and "
                        "index, then its version rows (not an alembic command)."),
         {helpOption(),
          {Opt::Url, QString(), QStringLiteral("--url"), QStringLiteral("URL"),
           QStringLiteral("the database (SQLAlchemy URL; default: the project's)")}},
         {}},
        {QStringLiteral("merge"),
         QStringLiteral("Merge two revisions together. Creates a new migration file."),
         {helpOption(),
          {Opt::Message, QStringLiteral("-m"), QStringLiteral("--message"),
           QStringLiteral("MESSAGE"), QStringLiteral("Message string to use with 'revision'")},
          {Opt::BranchLabel, QString(), QStringLiteral("--branch-label"),
           QStringLiteral("BRANCH_LABEL"),
           QStringLiteral("Specify a branch label to apply to the new revision")},
          {Opt::RevId, QString(), QStringLiteral("--rev-id"), QStringLiteral("REV_ID"),
           QStringLiteral("Specify a hardcoded revision id instead of generating one")}},
         {{QStringLiteral("revisions"), true, QStringLiteral("one or more revisions, or 'heads' "
                                                             "for all heads")}}},
        {QStringLiteral("revision"),
         QStringLiteral("Create a new revision file."),
         {helpOption(),
          {Opt::Message, QStringLiteral("-m"), QStringLiteral("--message"),
           QStringLiteral("MESSAGE"), QStringLiteral("Message string to use with 'revision'")},
          sqlOption(),
          {Opt::Head, QString(), QStringLiteral("--head"), QStringLiteral("HEAD"),
           QStringLiteral("Specify head revision or <branchname>@head to base new revision on.")},
          {Opt::Splice, QString(), QStringLiteral("--splice"), QString(),
           QStringLiteral("Allow a non-head revision as the 'head' to splice onto")},
          {Opt::BranchLabel, QString(), QStringLiteral("--branch-label"),
           QStringLiteral("BRANCH_LABEL"),
           QStringLiteral("Specify a branch label to apply to the new revision")},
          {Opt::VersionPath, QString(), QStringLiteral("--version-path"),
           QStringLiteral("VERSION_PATH"),
           QStringLiteral("Specify specific path from config for version file")},
          {Opt::RevId, QString(), QStringLiteral("--rev-id"), QStringLiteral("REV_ID"),
           QStringLiteral("Specify a hardcoded revision id instead of generating one")},
          {Opt::DependsOn, QString(), QStringLiteral("--depends-on"),
           QStringLiteral("DEPENDS_ON"),
           QStringLiteral("Specify one or more revision identifiers which this revision should "
                          "depend on.")},
          {Opt::Autogenerate, QString(), QStringLiteral("--autogenerate"), QString(),
           QStringLiteral("Populate revision script with candidate migration operations, based "
                          "on comparison of database to model (runs the project's Python and "
                          "Alembic; see --python)")}},
         {}},
        {QStringLiteral("schema"),
         QStringLiteral("Print the schema after a revision as CREATE statements (not an alembic "
                        "command)."),
         {helpOption(), dialectOption()},
         {{QStringLiteral("rev"), false,
           QStringLiteral("the revision whose schema to print (heads, an id, label@head, ...)")}}},
        {QStringLiteral("show"),
         QStringLiteral("Print everything about the revision(s) an identifier names."),
         {helpOption()},
         {{QStringLiteral("rev"), false,
           QStringLiteral("an id, prefix, label, head(s), label@head, -N")}}},
        {QStringLiteral("stairway"),
         QStringLiteral("Upgrade, downgrade and upgrade again each migration on a scratch database, "
                        "checking that every downgrade reverses its upgrade (not an alembic command)."),
         {helpOption(),
          {Opt::Url, QString(), QStringLiteral("--url"), QStringLiteral("URL"),
           QStringLiteral("an empty scratch database (default: a temporary SQLite file)")}},
         {}},
        {QStringLiteral("stamp"),
         QStringLiteral("Write revisions into the version table without running migrations "
                        "(offline with --sql)."),
         QList<OptionSpec>{helpOption(),
          sqlOption(),
          tagOption(),
          {Opt::Purge, QString(), QStringLiteral("--purge"), QString(),
           QStringLiteral("delete every row of the version table first")},
          dialectOption()} + onlineRunOptions(),
         {{QStringLiteral("revisions"), true,
           QStringLiteral("target revisions ([FROM:]TO with --sql)")}}},
        {QStringLiteral("upgrade"),
         QStringLiteral("Run upgrades up to a revision (offline with --sql)."),
         QList<OptionSpec>{helpOption(), sqlOption(), tagOption(), dialectOption()} + onlineRunOptions(),
         {{QStringLiteral("revision"), false,
           QStringLiteral("target revision ([FROM:]TO with --sql)")}}},
    };
    return specs;
}

const CommandSpec *findCommand(const QString &name)
{
    for (const CommandSpec &spec : commandSpecs()) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

// argparse treats "-1" or "-.5" as a positional value, since no option looks like a number.
bool looksLikeNegativeNumber(const QString &token)
{
    static const QRegularExpression re(QStringLiteral("^-\\d+$|^-\\d*\\.\\d+$"));
    return re.match(token).hasMatch();
}

bool looksLikeOption(const QString &token)
{
    return token.size() > 1 && token.startsWith(QLatin1Char('-')) &&
           !looksLikeNegativeNumber(token) && !token.contains(QLatin1Char(' '));
}

struct Matched
{
    Opt id;
    QString value;
};

// The outcome of parsing one argument list against one option table.
struct ParsedList
{
    QList<Matched> options;
    QStringList positionals;
    QStringList unrecognized;
    QString error; // argparse's "error: ..." text, without the prefix
    bool helpRequested = false;
};

QString usageLine(const QString &prog, const QList<OptionSpec> &options,
                  const QList<PositionalSpec> &positionals, const QString &trailer)
{
    QString line = QStringLiteral("usage: ") + prog;
    for (const OptionSpec &o : options) {
        const QString name = o.shortName.isEmpty() ? o.longName : o.shortName;
        line += QStringLiteral(" [") + name;
        if (o.takesValue())
            line += QLatin1Char(' ') + o.metavar;
        line += QLatin1Char(']');
    }
    for (const PositionalSpec &p : positionals)
        line += QLatin1Char(' ') + (p.optional ? QStringLiteral("[") + p.name + QLatin1Char(']') : p.name) +
                (p.oneOrMore ? QString(QStringLiteral(" [") + p.name + QStringLiteral(" ...]"))
                             : QString());
    if (!trailer.isEmpty())
        line += QLatin1Char(' ') + trailer;
    return line + QLatin1Char('\n');
}

// Looks a "--long" spelling up: exact, else a unique prefix (argparse's allow_abbrev).
std::optional<OptionSpec> findLong(const QList<OptionSpec> &options, const QString &name,
                                   QString *error)
{
    QList<OptionSpec> prefixed;
    for (const OptionSpec &o : options) {
        if (o.longName.isEmpty())
            continue;
        if (o.longName == name)
            return o;
        if (o.longName.startsWith(name))
            prefixed.append(o);
    }
    if (prefixed.size() == 1)
        return prefixed.first();
    if (prefixed.size() > 1) {
        QStringList names;
        for (const OptionSpec &o : prefixed)
            names.append(o.longName);
        *error = QStringLiteral("ambiguous option: %1 could match %2")
                     .arg(name, names.join(QLatin1String(", ")));
    }
    return std::nullopt;
}

std::optional<OptionSpec> findShort(const QList<OptionSpec> &options, const QString &name)
{
    for (const OptionSpec &o : options) {
        if (!o.shortName.isEmpty() && o.shortName == name)
            return o;
    }
    return std::nullopt;
}

// Parses `tokens` against `options`. With stopAtFirstPositional the first positional and
// everything after it is left in positionals untouched (the global parser hands it to
// the command's parser, as argparse's sub-parsers do).
ParsedList parseList(const QStringList &tokens, const QList<OptionSpec> &options,
                     bool stopAtFirstPositional)
{
    ParsedList out;
    bool onlyPositionals = false;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString &token = tokens.at(i);
        if (onlyPositionals || !looksLikeOption(token)) {
            if (stopAtFirstPositional) {
                out.positionals = tokens.mid(i);
                return out;
            }
            out.positionals.append(token);
            continue;
        }
        if (token == QLatin1String("--")) {
            onlyPositionals = true;
            continue;
        }

        std::optional<OptionSpec> spec;
        std::optional<QString> explicitValue;
        if (token.startsWith(QLatin1String("--"))) {
            const qsizetype eq = token.indexOf(QLatin1Char('='));
            const QString name = eq < 0 ? token : token.left(eq);
            if (eq >= 0)
                explicitValue = token.mid(eq + 1);
            spec = findLong(options, name, &out.error);
            if (!out.error.isEmpty())
                return out;
        } else {
            spec = findShort(options, token.left(2));
            if (spec && token.size() > 2) {
                QString rest = token.mid(2);
                if (spec->takesValue() && rest.startsWith(QLatin1Char('=')))
                    rest.remove(0, 1);
                explicitValue = rest;
            }
        }
        if (!spec) {
            out.unrecognized.append(token);
            continue;
        }

        if (!spec->takesValue() && explicitValue) {
            if (token.startsWith(QLatin1String("--"))) {
                out.error = QStringLiteral("argument %1: ignored explicit argument '%2'")
                                .arg(spec->displayName(), *explicitValue);
                return out;
            }
            // Combined short flags such as -vi: the remaining letters are more flags.
            out.options.append({spec->id, QString()});
            QString rest = *explicitValue;
            while (!rest.isEmpty()) {
                const std::optional<OptionSpec> next =
                    findShort(options, QStringLiteral("-") + rest.left(1));
                if (!next) {
                    out.error = QStringLiteral("argument %1: ignored explicit argument '%2'")
                                    .arg(spec->displayName(), rest);
                    return out;
                }
                rest.remove(0, 1);
                if (next->takesValue()) {
                    if (rest.isEmpty()) {
                        if (i + 1 >= tokens.size() || looksLikeOption(tokens.at(i + 1))) {
                            out.error = QStringLiteral("argument %1: expected one argument")
                                            .arg(next->displayName());
                            return out;
                        }
                        rest = tokens.at(++i);
                    }
                    out.options.append({next->id, rest});
                    break;
                }
                out.options.append({next->id, QString()});
            }
            continue;
        }

        QString value;
        if (spec->takesValue()) {
            if (explicitValue) {
                value = *explicitValue;
            } else if (i + 1 < tokens.size() && !looksLikeOption(tokens.at(i + 1))) {
                value = tokens.at(++i);
            } else {
                out.error =
                    QStringLiteral("argument %1: expected one argument").arg(spec->displayName());
                return out;
            }
        }
        if (spec->id == Opt::Help)
            out.helpRequested = true;
        out.options.append({spec->id, value});
    }
    return out;
}

void apply(CliArguments &args, const Matched &m)
{
    switch (m.id) {
    case Opt::Help:
    case Opt::Version:
        break;
    case Opt::Config:
        args.configFile = m.value;
        break;
    case Opt::Name:
        args.section = m.value;
        break;
    case Opt::X:
        args.xArguments.append(m.value);
        break;
    case Opt::Project:
        args.project = m.value;
        break;
    case Opt::Url:
        args.url = m.value;
        break;
    case Opt::Quiet:
        args.quiet = true;
        break;
    case Opt::RaiseErr:
        args.raiseErrors = true;
        break;
    case Opt::Verbose:
        args.verbose = true;
        break;
    case Opt::ResolveDependencies:
        args.resolveDependencies = true;
        break;
    case Opt::IndicateCurrent:
        args.indicateCurrent = true;
        break;
    case Opt::RevRange:
        args.revRangeGiven = true;
        args.revRange = m.value;
        break;
    case Opt::Sql:
        args.sql = true;
        break;
    case Opt::Purge:
        args.purge = true;
        break;
    case Opt::Tag:
        args.tag = m.value;
        break;
    case Opt::Dialect:
        args.dialect = m.value;
        break;
    case Opt::TransactionPerMigration:
        args.transactionPerMigration = true;
        break;
    case Opt::LockTimeout:
        args.lockTimeout = m.value;
        break;
    case Opt::Message:
        args.messageGiven = true;
        args.message = m.value;
        break;
    case Opt::Head:
        args.head = m.value;
        break;
    case Opt::Splice:
        args.splice = true;
        break;
    case Opt::BranchLabel:
        args.branchLabel = m.value;
        break;
    case Opt::DependsOn:
        args.dependsOn.append(m.value);
        break;
    case Opt::RevId:
        args.revId = m.value;
        break;
    case Opt::VersionPath:
        args.versionPath = m.value;
        break;
    case Opt::Python:
        args.python = m.value;
        break;
    case Opt::Autogenerate:
        args.autogenerate = true;
        break;
    }
}

QString formatOptionHelp(const QList<OptionSpec> &options)
{
    QString text;
    for (const OptionSpec &o : options) {
        QStringList spellings;
        if (!o.shortName.isEmpty())
            spellings.append(o.shortName +
                             (o.takesValue() ? QLatin1Char(' ') + o.metavar : QString()));
        if (!o.longName.isEmpty())
            spellings.append(o.longName +
                             (o.takesValue() ? QLatin1Char(' ') + o.metavar : QString()));
        const QString head = QStringLiteral("  ") + spellings.join(QLatin1String(", "));
        if (head.size() < 24)
            text += head.leftJustified(24) + o.help;
        else
            text += head + QLatin1Char('\n') + QString(24, QLatin1Char(' ')) + o.help;
        text += QLatin1Char('\n');
    }
    return text;
}

} // namespace

CliArgumentParser::CliArgumentParser(QString programName)
    : m_program(std::move(programName))
{ }

QString CliArgumentParser::version()
{
    return QStringLiteral(RETORT_VERSION);
}

QStringList CliArgumentParser::commandNames()
{
    QStringList names;
    for (const CommandSpec &spec : commandSpecs())
        names.append(spec.name);
    return names;
}

QString CliArgumentParser::commandDescription(const QString &command)
{
    const CommandSpec *spec = findCommand(command);
    return spec ? spec->description : QString();
}

QString CliArgumentParser::helpText() const
{
    const QString choices =
        QLatin1Char('{') + commandNames().join(QLatin1Char(',')) + QStringLiteral("} ...");
    QString text = usageLine(m_program, globalOptions(), {}, choices);
    text += QStringLiteral("\nAlembic's command line without Python: reads an Alembic project "
                           "(alembic.ini and its migration scripts) natively.\n\n"
                           "commands:\n");
    for (const CommandSpec &spec : commandSpecs())
        text += QStringLiteral("  ") + spec.name.leftJustified(22) + spec.description +
                QLatin1Char('\n');
    text += QStringLiteral("\noptions:\n") + formatOptionHelp(globalOptions());
    text += QStringLiteral("\n`") + m_program +
            QStringLiteral(" COMMAND --help` describes the options of one command.\n");
    return text;
}

QString CliArgumentParser::commandHelpText(const QString &command) const
{
    const CommandSpec *spec = findCommand(command);
    if (!spec)
        return QString();
    QString text = usageLine(m_program + QLatin1Char(' ') + spec->name, spec->options,
                             spec->positionals, QString());
    text += QLatin1Char('\n') + spec->description + QLatin1Char('\n');
    if (!spec->positionals.isEmpty()) {
        text += QStringLiteral("\npositional arguments:\n");
        for (const PositionalSpec &p : spec->positionals)
            text += QStringLiteral("  ") + p.name.leftJustified(22) + p.help + QLatin1Char('\n');
    }
    text += QStringLiteral("\noptions:\n") + formatOptionHelp(spec->options);
    return text;
}

CliParseResult CliArgumentParser::parse(const QStringList &arguments) const
{
    CliParseResult result;
    const QString choices =
        QLatin1Char('{') + commandNames().join(QLatin1Char(',')) + QLatin1Char('}');
    const QString globalUsage =
        usageLine(m_program, globalOptions(), {}, choices + QStringLiteral(" ..."));
    auto usageError = [&](const QString &usage, const QString &prog, const QString &message) {
        result.outcome = CliParseResult::Outcome::UsageError;
        result.text = usage + prog + QStringLiteral(": error: ") + message + QLatin1Char('\n');
        return result;
    };

    const ParsedList global = parseList(arguments, globalOptions(), true);
    if (!global.error.isEmpty())
        return usageError(globalUsage, m_program, global.error);
    for (const Matched &m : global.options) {
        if (m.id == Opt::Help) {
            result.outcome = CliParseResult::Outcome::Help;
            result.text = helpText();
            return result;
        }
        if (m.id == Opt::Version) {
            result.outcome = CliParseResult::Outcome::Version;
            result.text = m_program + QLatin1Char(' ') + version() + QLatin1Char('\n');
            return result;
        }
        apply(result.arguments, m);
    }
    if (!global.unrecognized.isEmpty() && global.positionals.isEmpty())
        return usageError(globalUsage, m_program,
                          QStringLiteral("unrecognized arguments: ") +
                              global.unrecognized.join(QLatin1Char(' ')));
    if (global.positionals.isEmpty())
        return usageError(globalUsage, m_program, QStringLiteral("too few arguments"));

    const QString command = global.positionals.first();
    const CommandSpec *spec = findCommand(command);
    if (!spec) {
        QStringList quoted;
        for (const QString &name : commandNames())
            quoted.append(QLatin1Char('\'') + name + QLatin1Char('\''));
        return usageError(globalUsage, m_program,
                          QStringLiteral("argument %1: invalid choice: '%2' (choose from %3)")
                              .arg(choices, command, quoted.join(QLatin1String(", "))));
    }
    result.arguments.command = command;

    const QString commandProg = m_program + QLatin1Char(' ') + command;
    const QString commandUsage =
        usageLine(commandProg, spec->options, spec->positionals, QString());
    const ParsedList local = parseList(global.positionals.mid(1), spec->options, false);
    if (!local.error.isEmpty())
        return usageError(commandUsage, commandProg, local.error);
    if (local.helpRequested) {
        result.outcome = CliParseResult::Outcome::Help;
        result.text = commandHelpText(command);
        return result;
    }
    for (const Matched &m : local.options)
        apply(result.arguments, m);

    // Positionals: argparse reports missing ones before extra ones.
    QStringList positionals = local.positionals;
    QStringList extra = global.unrecognized + local.unrecognized;
    QStringList missing;
    for (const PositionalSpec &p : spec->positionals) {
        if (positionals.isEmpty()) {
            if (!p.optional)
                missing.append(p.name);
            continue;
        }
        if (p.oneOrMore) {
            result.arguments.revisions += positionals;
            positionals.clear();
        } else {
            result.arguments.revisions.append(positionals.takeFirst());
        }
    }
    if (!missing.isEmpty())
        return usageError(commandUsage, commandProg,
                          QStringLiteral("the following arguments are required: ") +
                              missing.join(QLatin1String(", ")));
    extra += positionals;
    if (!extra.isEmpty())
        return usageError(globalUsage, m_program,
                          QStringLiteral("unrecognized arguments: ") +
                              extra.join(QLatin1Char(' ')));
    return result;
}

} // namespace Retort
