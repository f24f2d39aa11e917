using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Pregnancies;

/// <summary>
/// Every command that changes a pregnancy starts here: the row is locked for the rest of the transaction (two
/// exams at once are serialised, neither update is lost) and loaded through the scope filter (outside it: 404).
/// </summary>
public static class PregnancyLock
{
    public static async Task<Pregnancy> LockPregnancyAsync(this HighRiskDb db, Guid id, bool withExams, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM pregnancies WHERE id = {id} FOR UPDATE", ct);
        var pregnancies = withExams ? db.Pregnancies.Include(p => p.Woman).Include(p => p.Exams).AsSplitQuery() : db.Pregnancies;
        return await pregnancies.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("No such pregnancy.");
    }
}
