using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Overdue;

/// <summary>
/// The overdue list for a division and a business date, read from the day's snapshots: a township code gives its
/// own list, a county or city code every township's beneath it. Only entries inside the user's scope are returned.
/// As JSON a county's or city's list is keyset-paged (<see cref="OverdueCursor"/>), each page with the counts and a line per
/// township of the whole list; a township's is paged when <c>limit</c> or <c>cursor</c> is given, else whole; the .xlsx and
/// .csv are the whole list.
/// </summary>
public static class GetOverdueList
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 500;

    private const int TownshipCodeLength = 9;

    public sealed record Query(string? Division, DateOnly? Date, string Format, string? Cursor = null, int? Limit = null) : IQuery<Response>, IAudited<Response>
    {
        public AuditEntry Audit(Response response) =>
            new(Format == "json" ? AuditAction.List : AuditAction.Export, "overdueList", response.Division, $"GetOverdueList {response.Date:yyyy-MM-dd} {Format} rows={response.Entries.Count}");
    }

    /// <summary>Counts in the list's order (red, orange, purple, yellow, green), so they add up to the total: purple counts the purple women who are not red or orange.</summary>
    public sealed record Counts(int Red, int Orange, int Purple, int Yellow, int Green, int Lost, int Total)
    {
        public static Counts Sum(IEnumerable<TownshipLine> lines) => lines.Select(l => l.Counts).Aggregate(
            new Counts(0, 0, 0, 0, 0, 0, 0),
            (a, b) => new(a.Red + b.Red, a.Orange + b.Orange, a.Purple + b.Purple, a.Yellow + b.Yellow, a.Green + b.Green, a.Lost + b.Lost, a.Total + b.Total));
    }

    /// <summary>A township's line of the list: where the overdue women are, on every page.</summary>
    public sealed record TownshipLine(string Code, string? Name, Counts Counts);

    /// <summary>An alert SMS that failed or expired: the list shows it so that someone phones instead.</summary>
    public sealed record UndeliveredAlert(Guid AlertId, Guid PregnancyId, string MaskedName, string Colour, string Recipient, string Status, string? LastError);

    /// <param name="Counts">The whole list's (every page's) counts.</param>
    /// <param name="Entries">This page's rows (every row in the .xlsx and .csv).</param>
    /// <param name="UndeliveredAlerts">On the first page only.</param>
    /// <param name="Townships">A line per township of the whole list, by code, on every page.</param>
    /// <param name="NextCursor">Pass back as <c>cursor</c> for the next page; null on the last.</param>
    public sealed record Response(
        string Division, DateOnly Date, bool Generated, DateTimeOffset? GeneratedAt, Counts Counts, IReadOnlyList<OverdueRow> Entries,
        IReadOnlyList<UndeliveredAlert> UndeliveredAlerts, IReadOnlyList<TownshipLine> Townships, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(BusinessClock clock)
        {
            RuleFor(q => q.Division).Matches("^[0-9]{2,9}$").WithError(Messages.OverdueDivision);
            RuleFor(q => q.Date).LessThanOrEqualTo(clock.Today).WithError(Messages.OverdueDateInFuture);
            RuleFor(q => q.Format).Must(f => f is "json" or "xlsx" or "csv").WithError(Messages.OverdueFormat);
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit);
            RuleFor(q => q.Cursor).Must(c => OverdueCursor.TryParse(c, out _)).When(q => q.Cursor is not null).WithError(Messages.CursorUnknown);
            RuleFor(q => q.Cursor).Must((q, c) => OverdueCursor.TryParse(c, out var at) && (q.Date ?? at.Date) == at.Date && (q.Division ?? at.Division) == at.Division)
                .When(q => OverdueCursor.TryParse(q.Cursor, out _)).WithError(Messages.OverdueCursorOtherList);
        }
    }

    public sealed class Handler(
        [FromKeyedServices(ListReads.Key)] HighRiskDb db, BusinessClock clock, CurrentUser user, Infrastructure.Security.PersonalData personalData, Divisions.DivisionNames divisions)
        : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = new OverdueRows(db, personalData, user, divisions);   // on the lists' reads, like the rest of the list
            var after = OverdueCursor.TryParse(query.Cursor, out var cursor) ? cursor : null;
            var date = query.Date ?? after?.Date ?? clock.Today;
            var division = query.Division ?? after?.Division ?? user.DivisionPrefix ?? "43";
            // A township's list asked for without limit or cursor is whole, as it always was (a township has at most a few hundred
            // overdue women); a county's or city's is paged from the first page.
            var paged = query.Format == "json" && (query.Limit is not null || after is not null || division.Length < TownshipCodeLength);
            var limit = query.Limit ?? DefaultLimit;
            var run = await db.DailyOverdueRuns.AsNoTracking().SingleOrDefaultAsync(r => r.BusinessDate == date, cancellationToken);
            var spells = rows.On(date, division);
            var townships = await rows.TownshipsAsync(spells, cancellationToken);
            var page = await rows.PageAsync(spells, date, user.SeesFullContact, paged ? after : null, paged ? limit + 1 : null, cancellationToken);
            var next = paged && page.Count > limit ? OverdueCursor.After(date, division, page[limit - 1]).ToString() : null;
            var entries = page.Take(paged ? limit : page.Count).Select(e => e.Row).ToList();
            var undelivered = paged && after is not null ? [] : await UndeliveredAsync(division, date, cancellationToken);
            return new Response(division, date, run is not null, run?.CompletedAt, Counts.Sum(townships), entries, undelivered, townships, next);
        }

        /// <summary>Alerts of the last 7 days (to the list's date) in the user's area whose SMS failed or expired.</summary>
        private async Task<List<UndeliveredAlert>> UndeliveredAsync(string division, DateOnly date, CancellationToken ct)
        {
            var since = new DateTimeOffset(date.AddDays(-7).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
            var until = new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
            var undelivered = await db.Alerts.AsNoTracking()
                .Where(a => a.DivisionCode.StartsWith(division) && a.CreatedAt >= since && a.CreatedAt < until)
                .Join(db.SmsMessages.Where(m => m.Status == Messaging.SmsStatus.Failed || m.Status == Messaging.SmsStatus.Expired), a => (Guid?)a.Id, m => m.AlertId,
                    (a, m) => new { a.Id, a.PregnancyId, a.MaskedName, a.Colour, m.Recipient, m.Status, m.LastError })
                .ToListAsync(ct);
            return undelivered.ConvertAll(u => new UndeliveredAlert(
                u.Id, u.PregnancyId, u.MaskedName, u.Colour, Infrastructure.Security.PersonalData.MaskMobile(u.Recipient),
                System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(u.Status.ToString()), u.LastError));
        }
    }
}
