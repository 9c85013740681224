using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reflection;

public enum SaveOutcome
{
    Saved,

    /// <summary>Someone (another tab) saved this step after the person loaded it; nothing was written.</summary>
    Stale,
}

public sealed record StepState<T>(T Answers, Guid Version, bool Completed);

/// <summary>A person's whole reflection as read once: each step's answers (empty if not started) and which are done.</summary>
public sealed class ReflectionSnapshot(IReadOnlyDictionary<ReflectionStepKind, ReflectionStep> steps)
{
    public IReadOnlySet<ReflectionStepKind> Completed { get; } = steps.Values.Where(s => s.IsCompleted).Select(s => s.Kind).ToHashSet();

    public T Answers<T>(ReflectionStepKind kind)
        where T : IStepAnswers, new() => steps.TryGetValue(kind, out var step) ? step.Read<T>() : new T();
}

/// <summary>Loads and saves a person's reflection steps — always the signed-in person's own, found by owner id.</summary>
public sealed class ReflectionStore(AppDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The snapshot's query, compiled (see <see cref="CompiledQuery{TQuery}"/>): the search page runs it on every view.
    /// </summary>
    private static readonly CompiledQuery<Func<AppDbContext, string, IAsyncEnumerable<ReflectionStep>>> AllSteps = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string owner) => db.ReflectionSteps.AsNoTracking().Where(s => s.OwnerId == owner)));

    /// <summary>Every step the person has started, in one query, for pages that show several steps at once.</summary>
    public Task<ReflectionSnapshot> SnapshotAsync(string ownerId) => SnapshotOfAsync(AllSteps.For(db)(db, ownerId));

    private static readonly CompiledQuery<Func<AppDbContext, string, ReflectionStepKind[], IAsyncEnumerable<ReflectionStep>>> SomeSteps = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string owner, ReflectionStepKind[] kinds) => db.ReflectionSteps.AsNoTracking().Where(s => s.OwnerId == owner && kinds.Contains(s.Kind))));

    /// <summary>The given steps only (when a page reads a few of them, the others' answers aren't read or parsed), in one query (compiled, as above: the goal page runs it on every view).</summary>
    public Task<ReflectionSnapshot> SnapshotAsync(string ownerId, ReflectionStepKind[] kinds) => SnapshotOfAsync(SomeSteps.For(db)(db, ownerId, kinds));

    private static async Task<ReflectionSnapshot> SnapshotOfAsync(IAsyncEnumerable<ReflectionStep> rows)
    {
        var steps = new Dictionary<ReflectionStepKind, ReflectionStep>();
        await foreach (var step in rows)
        {
            steps.Add(step.Kind, step);
        }

        return new(steps);
    }

    public Task<List<ReflectionStepKind>> CompletedAsync(string ownerId) =>
        db.ReflectionSteps.Where(s => s.OwnerId == ownerId && s.CompletedAtUtc != null).Select(s => s.Kind).ToListAsync();

    public async Task<StepState<T>> LoadAsync<T>(string ownerId, ReflectionStepKind kind)
        where T : IStepAnswers, new()
    {
        var step = await db.ReflectionSteps.AsNoTracking().FirstOrDefaultAsync(s => s.OwnerId == ownerId && s.Kind == kind);
        return step is null ? new StepState<T>(new T(), Guid.Empty, false) : new StepState<T>(step.Read<T>(), step.Version, step.IsCompleted);
    }

    /// <summary>
    /// Saves the answers if <paramref name="version"/> is the one stored (<see cref="Guid.Empty"/> for a step never
    /// saved); otherwise nothing is written and the outcome is <see cref="SaveOutcome.Stale"/>.
    /// </summary>
    public async Task<(SaveOutcome Outcome, StepState<T> State)> SaveAsync<T>(string ownerId, ReflectionStepKind kind, T answers, Guid version, bool complete)
        where T : IStepAnswers, new()
    {
        var step = await db.ReflectionSteps.FirstOrDefaultAsync(s => s.OwnerId == ownerId && s.Kind == kind);
        if (step is null && version != Guid.Empty)
        {
            return (SaveOutcome.Stale, new StepState<T>(answers, version, false));
        }

        if (step is null)
        {
            step = ReflectionStep.Start(ownerId, kind);
            db.ReflectionSteps.Add(step);
        }
        else
        {
            db.Entry(step).Property(s => s.Version).OriginalValue = version;
        }

        var saved = step.Save(answers, complete, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException conflict) when (Conflicts.IsRetryable(conflict))
        {
            // A stale version, or another tab creating the same step first (the unique owner + kind index). Any
            // other failure (a locked database, an account deleted meanwhile) is not a conflict and is not called one.
            db.ChangeTracker.Clear();
            return (SaveOutcome.Stale, new StepState<T>(answers, version, false));
        }

        return (SaveOutcome.Saved, new StepState<T>(saved, step.Version, step.IsCompleted));
    }

    /// <summary>
    /// Changes a step's answers on the server's own current copy (for one-click actions such as "add this
    /// occupation"). If another save slipped in between, it reads the step again and re-applies the change, until it
    /// is stored or <see cref="Conflicts.MaxAttempts"/> attempts have all collided — then <c>Saved</c> is false and
    /// nothing of this change was written. A rule broken by the change (<see cref="Domain.Common.DomainRuleException"/>)
    /// reaches the caller unsaved.
    /// </summary>
    public async Task<(bool Saved, T Answers)> UpdateAsync<T>(string ownerId, ReflectionStepKind kind, Func<T, T> change)
        where T : IStepAnswers, new()
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var current = await LoadAsync<T>(ownerId, kind);
            var (outcome, state) = await SaveAsync(ownerId, kind, change(current.Answers), current.Version, complete: false);
            if (outcome == SaveOutcome.Saved)
            {
                return (true, state.Answers);
            }

            if (attempt == Conflicts.MaxAttempts)
            {
                return (false, current.Answers);
            }

            await Conflicts.PauseAsync(attempt);
        }
    }
}
