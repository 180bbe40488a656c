// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/pythoninterpreterfinder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>

namespace Retort {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Retort::PythonInterpreterFinder", text);
}

// Prints one "key value" line per fact; an import failure is a fact, not an error.
const char probeScript[] = "import sys\n"
                           "print('python %d.%d.%d' % sys.version_info[:3])\n"
                           "try:\n"
                           "    import alembic\n"
                           "    print('alembic ' + alembic.__version__)\n"
                           "except BaseException as e:\n"
                           "    print('noalembic %s: %s' % (type(e).__name__, e))\n";

// The interpreter inside a virtual environment folder, when there is one.
QString venvPython(const QString &venv)
{
    for (const char *relative : {"bin/python3", "bin/python", "Scripts/python.exe"}) {
        const QFileInfo info(QDir(venv).filePath(QLatin1String(relative)));
        if (info.exists() && info.isExecutable())
            return info.absoluteFilePath();
    }
    return QString();
}

} // namespace

PythonInterpreterFinder::PythonInterpreterFinder(QProcessEnvironment environment)
    : m_environment(std::move(environment))
{ }

QList<PythonInterpreterFinder::Candidate>
PythonInterpreterFinder::candidates(const QString &projectDirectory) const
{
    QList<Candidate> found;
    auto add = [&found](const QString &path, const QString &origin) {
        if (path.isEmpty())
            return;
        for (const Candidate &c : std::as_const(found)) {
            if (c.path == path)
                return;
        }
        found.append({path, origin});
    };

    const QString virtualEnv = m_environment.value(QStringLiteral("VIRTUAL_ENV"));
    if (!virtualEnv.isEmpty())
        add(venvPython(virtualEnv), QStringLiteral("$VIRTUAL_ENV"));

    QDir dir(QFileInfo(projectDirectory).absoluteFilePath());
    while (true) {
        for (const char *name : {".venv", "venv", "env"}) {
            const QString venv = dir.filePath(QLatin1String(name));
            add(venvPython(venv), QStringLiteral("%1 in %2").arg(QLatin1String(name), dir.path()));
        }
        if (!dir.cdUp())
            break;
    }

    const QStringList path =
        m_environment.value(QStringLiteral("PATH")).split(QDir::listSeparator(), Qt::SkipEmptyParts);
    // Every match on PATH, not only the first: a version manager's shim that lacks Alembic
    // must not hide the system's python3 further down.
    for (const char *name : {"python3", "python"}) {
        for (const QString &dir : path) {
            const QFileInfo exe(QDir(dir).filePath(QLatin1String(name)));
            if (exe.isFile() && exe.isExecutable())
                add(exe.absoluteFilePath(), QStringLiteral("PATH"));
        }
    }
    return found;
}

Result<PythonInterpreter> PythonInterpreterFinder::probe(const QString &path,
                                                         const QString &origin) const
{
    QProcess process;
    process.setProcessEnvironment(m_environment);
    process.start(path, {QStringLiteral("-c"), QLatin1String(probeScript)});
    if (!process.waitForStarted(m_timeoutMs))
        return Result<PythonInterpreter>::failure(
            tr("Could not start the Python interpreter %1 (%2): %3")
                .arg(path, origin, process.errorString()));
    if (!process.waitForFinished(m_timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return Result<PythonInterpreter>::failure(
            tr("The Python interpreter %1 (%2) did not answer within %3 seconds.")
                .arg(path, origin)
                .arg(m_timeoutMs / 1000));
    }
    PythonInterpreter interpreter;
    interpreter.path = QFileInfo(path).absoluteFilePath();
    interpreter.origin = origin;
    const QStringList lines =
        QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString value = line.section(QLatin1Char(' '), 1).trimmed();
        if (line.startsWith(QLatin1String("python ")))
            interpreter.pythonVersion = value;
        else if (line.startsWith(QLatin1String("alembic ")))
            interpreter.alembicVersion = value;
        else if (line.startsWith(QLatin1String("noalembic ")))
            interpreter.importError = value;
    }
    if (interpreter.pythonVersion.isEmpty() || process.exitStatus() != QProcess::NormalExit) {
        const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
        return Result<PythonInterpreter>::failure(
            tr("%1 (%2) does not run as a Python interpreter: %3")
                .arg(path, origin, err.isEmpty() ? tr("no answer to a version query") : err));
    }
    return interpreter;
}

Result<PythonInterpreter> PythonInterpreterFinder::use(const QString &path,
                                                       const QString &origin) const
{
    const QFileInfo info(path);
    if (!info.exists())
        return Result<PythonInterpreter>::failure(
            tr("The Python interpreter %1 (%2) does not exist. Give the path of a python3 "
               "executable that has Alembic installed.")
                .arg(path, origin));
    Result<PythonInterpreter> probed = probe(path, origin);
    if (!probed)
        return probed;
    if (!probed->hasAlembic())
        return Result<PythonInterpreter>::failure(
            tr("Python %1 at %2 (%3) cannot import Alembic (%4). Install Alembic into it "
               "(pip install alembic) or choose another interpreter.")
                .arg(probed->pythonVersion, probed->path, origin, probed->importError));
    return probed;
}

Result<PythonInterpreter> PythonInterpreterFinder::find(const QString &projectDirectory) const
{
    const QList<Candidate> all = candidates(projectDirectory);
    if (all.isEmpty())
        return Result<PythonInterpreter>::failure(
            tr("No Python interpreter found: looked at $VIRTUAL_ENV, for .venv, venv and env in "
               "%1 and the folders above it, and for python3 and python on PATH. Install Python "
               "with Alembic, or choose an interpreter (retort-cli --python PATH).")
                .arg(QDir::toNativeSeparators(projectDirectory)));
    QStringList tried;
    for (const Candidate &candidate : all) {
        const Result<PythonInterpreter> probed = probe(candidate.path, candidate.origin);
        if (!probed) {
            tried.append(probed.error());
            continue;
        }
        if (probed->hasAlembic())
            return probed;
        tried.append(tr("%1 (%2): Python %3 without Alembic (%4)")
                         .arg(probed->path, candidate.origin, probed->pythonVersion,
                              probed->importError));
    }
    return Result<PythonInterpreter>::failure(
        tr("No Python interpreter with Alembic found. Tried:\n%1\nInstall Alembic into the "
           "project's environment, or choose an interpreter (retort-cli --python PATH).")
            .arg(QStringLiteral("  ") + tried.join(QStringLiteral("\n  "))));
}

} // namespace Retort
