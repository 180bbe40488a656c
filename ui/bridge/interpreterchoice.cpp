// SPDX-License-Identifier: GPL-3.0-or-later
#include "interpreterchoice.h"

#include "bridge/pythoninterpreterfinder.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace Retort {

namespace {

InterpreterChoice::Lookup fromResult(const Result<PythonInterpreter> &result)
{
    InterpreterChoice::Lookup lookup;
    lookup.ok = result.ok();
    if (result)
        lookup.interpreter = result.value();
    else
        lookup.errorString = result.error();
    return lookup;
}

} // namespace

QString InterpreterChoice::key(const QString &projectPath)
{
    // Paths contain the separators QSettings uses for groups: a hash names the project.
    const QByteArray hash = QCryptographicHash::hash(QDir::cleanPath(projectPath).toUtf8(),
                                                     QCryptographicHash::Sha1);
    return QStringLiteral("bridge/python/") + QString::fromLatin1(hash.toHex());
}

QString InterpreterChoice::remembered(const QString &projectPath)
{
    return QSettings().value(key(projectPath)).toString();
}

void InterpreterChoice::remember(const QString &projectPath, const QString &pythonPath)
{
    QSettings settings;
    if (pythonPath.isEmpty())
        settings.remove(key(projectPath));
    else
        settings.setValue(key(projectPath), pythonPath);
}

QFuture<InterpreterChoice::Lookup> InterpreterChoice::lookup(const QString &projectPath)
{
    const QString chosen = remembered(projectPath);
    return QtConcurrent::run([projectPath, chosen] {
        const PythonInterpreterFinder finder;
        if (!chosen.isEmpty())
            return fromResult(finder.use(
                chosen, QCoreApplication::translate("Retort::InterpreterChoice", "your choice")));
        return fromResult(finder.find(projectPath));
    });
}

InterpreterChoice::Lookup InterpreterChoice::probe(const QString &pythonPath)
{
    return fromResult(PythonInterpreterFinder().use(
        pythonPath, QCoreApplication::translate("Retort::InterpreterChoice", "your choice")));
}

} // namespace Retort
