using System.Globalization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Features.FollowUps;
using HighRisk.Features.Risk;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using HighRisk.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Cases;

/// <summary>
/// 逐一追踪、动态管理: the board of every case in the caller's area — red first, then overdue, then the nearest EDD —
/// filtered by colour, status, manager and flags, keyset-paged by an opaque cursor.
/// </summary>
public static class ListCases
{
    public sealed record Query(string? Division, string? Colour, string? Status, string? Manager, string? Flag, string? Cursor, int? Limit)
        : IQuery<Response>, IAudited<Response>, ICaseFilters
    {
        public AuditEntry Audit(Response response) =>
            new(AuditAction.List, "case", null, $"ListCases division={Division} colour={Colour} status={Status} manager={Manager} flag={Flag} rows={response.Items.Count}");
    }

    /// <param name="DeathReportsDue">On the first page: the maternal death reports of the area not yet submitted (they stay on the board until they are).</param>
    public sealed record Response(IReadOnlyList<CaseRow> Items, string? NextCursor, IReadOnlyList<Deaths.DeathReportView> DeathReportsDue);

    public sealed class Validator : CaseFiltersValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Cursor).Must(c => BoardKey.TryParse(c!, out _)).When(q => q.Cursor is not null).WithError(Messages.CursorUnknown);
            RuleFor(q => q.Limit).InclusiveBetween(1, 200);
        }
    }

    public sealed class Handler([FromKeyedServices(ListReads.Key)] HighRiskDb db, BusinessClock clock, CurrentUser user, Divisions.DivisionNames divisions) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var limit = query.Limit ?? 50;
            var cases = Filter(db.Cases.AsNoTracking(), query, user.User?.Id, user.FacilityCode is null ? user.DivisionPrefix : null);
            if (query.Cursor is { } cursor && BoardKey.TryParse(cursor, out var after))
            {
                cases = cases.Where(c => c.BoardRank > after.BoardRank
                    || (c.BoardRank == after.BoardRank && (c.Edd > after.Edd || (c.Edd == after.Edd && c.Id.CompareTo(after.Id) > 0))));
            }

            var page = await CaseRows.PageAsync(db, cases, limit + 1, cancellationToken);
            var items = await CaseRows.ShapeAsync(db, divisions, page.Take(limit).ToList(), clock.Today, cancellationToken);
            var deaths = query.Cursor is null
                ? (await Deaths.ListDeathReports.Handler.Due(db.DeathReports.AsNoTracking(), query.Division, "due").Take(100).ToListAsync(cancellationToken))
                    .Select(r => Deaths.DeathReportView.Of(r, clock.Now)).ToList()
                : [];
            return new Response(items, page.Count > limit ? BoardKey.Of(page[limit - 1]) : null, deaths);
        }

        /// <param name="scope">The caller's area (a division prefix; null when unrestricted or a health worker's facility).</param>
        public static IQueryable<Case> Filter(IQueryable<Case> cases, ICaseFilters query, Guid? me, string? scope)
        {
            var area = new[] { query.Division, scope }.Where(a => a is { Length: >= 4 }).MaxBy(a => a!.Length);
            cases = query.Status switch
            {
                "closed" => cases.Where(c => c.Status == CaseStatus.Closed),
                "all" => cases,
                _ => cases.Where(c => c.Status == CaseStatus.Open),
            };
            if (query.Division is { } division)
            {
                cases = cases.Where(c => c.DivisionCode.StartsWith(division));
            }

            // The same area as equalities on the city, county or township code, so that the board's index for it is used.
            cases = area?.Length switch
            {
                >= 9 => cases.Where(c => c.TownshipCode == area.Substring(0, 9)),
                >= 6 => cases.Where(c => c.CountyCode == area.Substring(0, 6)),
                >= 4 => cases.Where(c => c.CityCode == area.Substring(0, 4)),
                _ => cases,
            };

            if (query.Colour == "purple")
            {
                cases = cases.Where(c => c.Purple);
            }
            else if (query.Colour is { } colourText && GradeNames.TryParse(colourText, out var colour))
            {
                cases = cases.Where(c => c.Colour == colour);
            }

            cases = query.Manager switch
            {
                null => cases,
                "none" => cases.Where(c => c.ManagerId == null),
                "me" => cases.Where(c => c.ManagerId == me),
                var id => cases.Where(c => c.ManagerId == Guid.Parse(id)),
            };
            foreach (var flag in query.Flag?.Split(',') ?? [])
            {
                cases = flag switch
                {
                    CaseState.LateReport => cases.Where(c => c.ReportLate),
                    CaseState.NoPlan => cases.Where(c => c.NoPlan),
                    CaseState.PlanOverdue => cases.Where(c => c.PlanOverdue),
                    _ => cases.Where(c => c.LevelMismatch),
                };
            }

            return cases;
        }
    }

    /// <summary>The board's filters, shared by the board and its export.</summary>
    public interface ICaseFilters
    {
        string? Division { get; }

        string? Colour { get; }

        string? Status { get; }

        string? Manager { get; }

        string? Flag { get; }
    }

    /// <summary>The filters' rules, one set for the board and its export (each failure names its query parameter).</summary>
    public abstract class CaseFiltersValidator<T> : AbstractValidator<T>
        where T : ICaseFilters
    {
        protected CaseFiltersValidator()
        {
            RuleFor(q => q.Division).Matches("^[0-9]{2,12}$").WithError(Messages.PregnancyListDivision);
            RuleFor(q => q.Colour).Must(c => c == "purple" || GradeNames.TryParse(c!, out _)).When(q => q.Colour is not null).WithError(Messages.CaseColourFilter);
            RuleFor(q => q.Status).Must(s => s is "open" or "closed" or "all").When(q => q.Status is not null).WithError(Messages.CaseStatusFilter);
            RuleFor(q => q.Manager).Must(m => m is "me" or "none" || Guid.TryParse(m, out _)).When(q => q.Manager is not null).WithError(Messages.ManagerUnknown);
            RuleFor(q => q.Flag).Must(f => f!.Split(',').All(CaseState.AllFlags.Contains)).When(q => q.Flag is not null).WithError(Messages.CaseFlagUnknown);
        }
    }

    /// <summary>The board's order as an opaque cursor: board rank, EDD, id.</summary>
    public sealed record BoardKey(int BoardRank, DateOnly Edd, Guid Id)
    {
        public static string Of(CaseRows.Row row) => string.Create(CultureInfo.InvariantCulture, $"{row.BoardRank}.{row.Edd:yyyyMMdd}.{row.Id:N}");

        public static bool TryParse(string text, out BoardKey key)
        {
            key = null!;
            var parts = text.Split('.');
            if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rank)
                || !DateOnly.TryParseExact(parts[1], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var edd) || !Guid.TryParseExact(parts[2], "N", out var id))
            {
                return false;
            }

            key = new BoardKey(rank, edd, id);
            return true;
        }
    }
}
