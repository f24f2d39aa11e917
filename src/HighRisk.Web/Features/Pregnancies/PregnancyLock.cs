using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Pregnancies;

/// <summary>
/// Every command that changes a pregnancy starts here: the row is locked for the rest of the transaction (two
/// exams at once are serialised, neither update is lost) and loaded through the scope filter (outside it: 404).
/// The lock is its own statement, before the read: a statement sees the rows committed when it started, so a read
/// that waited on the lock itself would miss the exam of the request it waited for. What grading needs (her, the
/// pregnancy, its exams) is then one statement: a pregnancy has a few dozen exams at most.
/// </summary>
public static class PregnancyLock
{
    // Compiled once (issue 21): every exam runs this read, and EF Core's per-execution work on a LINQ query (finding its
    // parameters, hashing and comparing it with the cached ones) showed in the profile. The scope filter still applies:
    // its parameters are read from the context that runs the query.
    private static readonly Func<HighRiskDb, Guid, CancellationToken, Task<Pregnancy?>> WithExams = EF.CompileAsyncQuery(
        (HighRiskDb db, Guid id, CancellationToken ct) => db.Pregnancies.Include(p => p.Woman).Include(p => p.Exams).AsSingleQuery().SingleOrDefault(p => p.Id == id));

    private static readonly Func<HighRiskDb, Guid, CancellationToken, Task<Pregnancy?>> Alone = EF.CompileAsyncQuery(
        (HighRiskDb db, Guid id, CancellationToken ct) => db.Pregnancies.SingleOrDefault(p => p.Id == id));

    public static async Task<Pregnancy> LockPregnancyAsync(this HighRiskDb db, Guid id, bool withExams, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM pregnancies WHERE id = {id} FOR UPDATE", ct);
        return await (withExams ? WithExams : Alone)(db, id, ct) ?? throw new NotFoundException("No such pregnancy.");
    }
}
