// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/migrationsqlsource.h"

#include "ops/interpreter.h"
#include "python/pythonast.h"
#include "revision/revisionmap.h"

#include <QSet>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <condition_variable>
#include <mutex>
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

// The work prepare() hands to the pool. Each job is written by the one worker that took
// it, and read by the caller only after `done` is set under the mutex.
struct MigrationSqlSource::Background
{
    struct Job
    {
        MigrationStep step; // a copy: the caller's plan may go before the workers finish
        QString key;
        std::optional<Result<QStringList>> result;
        bool done = false;
        bool collected = false;
    };
    std::vector<Job> jobs;
    QHash<QString, size_t> indexOfKey;
    size_t firstUncollected = 0; // every job before it has been moved into the caches
    std::atomic<size_t> next{0};
    std::atomic<bool> cancelled{false};
    std::mutex mutex;
    std::condition_variable finished;
    QThreadPool pool;

    ~Background()
    {
        cancelled = true;
        pool.waitForDone();
    }
};

MigrationSqlSource::MigrationSqlSource(const RevisionMap &map, SqlDialect dialect)
    : m_map(map)
    , m_dialect(dialect)
    , m_renderer(SqlRenderer::create(dialect))
{
}

// Stops the workers before the renderer and the caches they use go.
MigrationSqlSource::~MigrationSqlSource()
{
    m_background.reset();
}

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
    if (m_background)
        collect(key);
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

void MigrationSqlSource::collect(const QString &key) const
{
    Background &work = *m_background;
    const auto take = [this](Background::Job &job) {
        job.collected = true;
        if (*job.result)
            m_rendered.insert(job.key, std::move(*job.result).value());
        else
            m_failed.insert(job.key, job.result->error());
        job.result.reset();
    };
    std::unique_lock<std::mutex> lock(work.mutex);
    if (const auto wanted = work.indexOfKey.constFind(key); wanted != work.indexOfKey.constEnd()) {
        Background::Job &job = work.jobs[*wanted];
        work.finished.wait(lock, [&job] { return job.done; });
        if (!job.collected)
            take(job);
    }
    // The workers take the jobs in order, so the finished ones are mostly a prefix.
    while (work.firstUncollected < work.jobs.size()) {
        Background::Job &job = work.jobs[work.firstUncollected];
        if (!job.done)
            break;
        if (!job.collected)
            take(job);
        ++work.firstUncollected;
    }
    const bool all = work.firstUncollected == work.jobs.size();
    lock.unlock();
    if (all)
        m_background.reset();
}

void MigrationSqlSource::prepare(const QList<MigrationStep> &steps) const
{
    if (m_background) {
        m_background->pool.waitForDone();
        collect(QString());
    }
    auto work = std::make_unique<Background>();
    QSet<QString> queued;
    for (const MigrationStep &step : steps) {
        if (step.stamp)
            continue;
        QString key = cacheKey(step);
        if (m_rendered.contains(key) || m_failed.contains(key) || queued.contains(key))
            continue;
        queued.insert(key);
        work->indexOfKey.insert(key, work->jobs.size());
        work->jobs.push_back(Background::Job{step, std::move(key), std::nullopt});
    }
    const int threads = std::max(1, QThread::idealThreadCount());
    if (work->jobs.size() < size_t(minimumParallelSteps) || threads == 1)
        return; // statements() renders them on demand

    // Every core renders; the caller, waiting in statements(), takes each step as soon as
    // it is done, so writing the script overlaps the rendering of the later steps.
    Background *shared = work.get();
    const auto worker = [this, shared] {
        for (size_t i = shared->next++; i < shared->jobs.size() && !shared->cancelled;
             i = shared->next++) {
            Background::Job &job = shared->jobs[i];
            Result<QStringList> result = renderUncached(job.step);
            {
                const std::lock_guard<std::mutex> lock(shared->mutex);
                job.result = std::move(result);
                job.done = true;
            }
            shared->finished.notify_all();
        }
    };
    work->pool.setMaxThreadCount(threads);
    for (int t = 0; t < threads; ++t)
        work->pool.start(worker);
    m_background = std::move(work);
}

OfflineScriptWriter::StepStatements MigrationSqlSource::hook() const
{
    return [this](const MigrationStep &step) { return statements(step); };
}

} // namespace Retort
