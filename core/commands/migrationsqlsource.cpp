// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/migrationsqlsource.h"

#include "ops/interpreter.h"
#include "python/pythonast.h"
#include "revision/revisionmap.h"

#include <QSet>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <optional>
#include <vector>

namespace Retort {

namespace {

// Below this many steps the threads cost more than they save.
constexpr qsizetype minimumParallelSteps = 8;

QString functionName(const MigrationStep &step)
{
    return step.isUpgrade() ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
}

} // namespace

MigrationSqlSource::MigrationSqlSource(const RevisionMap &map, SqlDialect dialect)
    : m_map(map)
    , m_dialect(dialect)
    , m_renderer(SqlRenderer::create(dialect))
{
}

MigrationSqlSource::~MigrationSqlSource() = default;

QString MigrationSqlSource::diagnosticsText(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << d.toString();
    return lines.join(QLatin1Char('\n'));
}

QString MigrationSqlSource::cacheKey(const MigrationStep &step)
{
    return functionName(step) + QLatin1Char(':') + step.revision;
}

Result<QStringList> MigrationSqlSource::render(const MigrationStep &step, const PythonModule *module,
                                               const Diagnostic &moduleError) const
{
    if (!module)
        return Result<QStringList>::failure(moduleError.toString());
    const Interpreter interpreter(*module);
    const InterpretedFunction interpreted =
        interpreter.interpret(functionName(step), sqlDialectName(m_dialect));
    if (!interpreted.renderable())
        return Result<QStringList>::failure(diagnosticsText(interpreted.diagnostics));
    return m_renderer->renderAll(interpreted.operations);
}

// For prepare()'s workers: each step is a different migration, so its module is parsed
// here and freed right after rendering instead of going through the shared cache.
Result<QStringList> MigrationSqlSource::renderUncached(const MigrationStep &step) const
{
    const Revision *revision = m_map.revision(step.revision);
    if (!revision)
        return Result<QStringList>::failure(
            QStringLiteral("Can't locate revision identified by '%1'").arg(step.revision));
    Diagnostic error;
    const std::unique_ptr<PythonModule> module = MigrationModuleCache::load(revision->path, &error);
    return render(step, module.get(), error);
}

Result<QStringList> MigrationSqlSource::statements(const MigrationStep &step) const
{
    if (step.stamp)
        return QStringList();
    const QString key = cacheKey(step);
    if (const auto it = m_rendered.constFind(key); it != m_rendered.constEnd())
        return *it;
    if (const auto it = m_failed.constFind(key); it != m_failed.constEnd())
        return Result<QStringList>::failure(*it);
    const Revision *revision = m_map.revision(step.revision);
    if (!revision)
        return Result<QStringList>::failure(QStringLiteral("Can't locate revision identified by '%1'").arg(step.revision));
    Diagnostic error;
    const PythonModule *parsed = m_modules.module(revision->path, &error);
    const Result<QStringList> rendered = render(step, parsed, error);
    if (!rendered)
        return rendered;
    m_rendered.insert(key, rendered.value());
    return rendered;
}

void MigrationSqlSource::prepare(const QList<MigrationStep> &steps) const
{
    struct Job
    {
        const MigrationStep *step;
        QString key;
        std::optional<Result<QStringList>> result;
    };
    std::vector<Job> jobs;
    QSet<QString> queued;
    for (const MigrationStep &step : steps) {
        if (step.stamp)
            continue;
        QString key = cacheKey(step);
        if (m_rendered.contains(key) || m_failed.contains(key) || queued.contains(key))
            continue;
        queued.insert(key);
        jobs.push_back(Job{&step, std::move(key), std::nullopt});
    }
    const int threads = std::max(1, QThread::idealThreadCount());
    if (jobs.size() < size_t(minimumParallelSteps) || threads == 1)
        return; // statements() renders them on demand

    std::atomic<size_t> next{0};
    const auto work = [this, &jobs, &next] {
        for (size_t i = next++; i < jobs.size(); i = next++)
            jobs[i].result = renderUncached(*jobs[i].step);
    };
    QThreadPool pool;
    pool.setMaxThreadCount(threads - 1);
    for (int t = 1; t < threads; ++t)
        pool.start(work);
    work(); // the calling thread is one of the workers
    pool.waitForDone();

    for (Job &job : jobs) {
        if (*job.result)
            m_rendered.insert(job.key, std::move(*job.result).value());
        else
            m_failed.insert(job.key, job.result->error());
    }
}

OfflineScriptWriter::StepStatements MigrationSqlSource::hook() const
{
    return [this](const MigrationStep &step) { return statements(step); };
}

} // namespace Retort
