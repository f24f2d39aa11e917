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
/// </summary>
public static class GetOverdueList
{
    public sealed record Query(string? Division, DateOnly? Date, string Format) : IQuery<Response>, IAudited<Response>
    {
        public AuditEntry Audit(Response response) =>
            new(Format == "json" ? AuditAction.List : AuditAction.Export, "overdueList", response.Division, $"GetOverdueList {response.Date:yyyy-MM-dd} {Format} rows={response.Entries.Count}");
    }

    /// <summary>Counts in the list's order (red, orange, purple, yellow, green), so they add up to the total: purple counts the purple women who are not red or orange.</summary>
    public sealed record Counts(int Red, int Orange, int Purple, int Yellow, int Green, int Lost, int Total)
    {
        public static Counts Of(IReadOnlyCollection<OverdueRow> rows) => new(
            rows.Count(r => r.Colour == "red"), rows.Count(r => r.Colour == "orange"), rows.Count(r => r.Purple && r.Colour is not ("red" or "orange")),
            rows.Count(r => r.Colour == "yellow" && !r.Purple), rows.Count(r => r.Colour == "green" && !r.Purple),
            rows.Count(r => r.State == FollowUps.FollowUpState.Lost), rows.Count);
    }

    /// <summary>An alert SMS that failed or expired: the list shows it so that someone phones instead.</summary>
    public sealed record UndeliveredAlert(Guid AlertId, Guid PregnancyId, string MaskedName, string Colour, string Recipient, string Status, string? LastError);

    public sealed record Response(
        string Division, DateOnly Date, bool Generated, DateTimeOffset? GeneratedAt, Counts Counts, IReadOnlyList<OverdueRow> Entries,
        IReadOnlyList<UndeliveredAlert> UndeliveredAlerts);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(BusinessClock clock)
        {
            RuleFor(q => q.Division).Matches("^[0-9]{2,9}$").WithError(Messages.OverdueDivision);
            RuleFor(q => q.Date).LessThanOrEqualTo(clock.Today).WithError(Messages.OverdueDateInFuture);
            RuleFor(q => q.Format).Must(f => f is "json" or "xlsx" or "csv").WithError(Messages.OverdueFormat);
        }
    }

    public sealed class Handler([FromKeyedServices(ListReads.Key)] HighRiskDb db, BusinessClock clock, CurrentUser user, Infrastructure.Security.PersonalData personalData)
        : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = new OverdueRows(db, personalData, user);   // on the lists' reads, like the rest of the list
            var date = query.Date ?? clock.Today;
            var division = query.Division ?? user.DivisionPrefix ?? "43";
            var run = await db.DailyOverdueRuns.AsNoTracking().SingleOrDefaultAsync(r => r.BusinessDate == date, cancellationToken);
            var found = await rows.ReadAsync(rows.On(date, division), date, user.SeesFullContact, cancellationToken);
            var counts = Counts.Of(found);
            // Alerts of the last 7 days (to the list's date) in the user's area whose SMS failed or expired.
            var since = new DateTimeOffset(date.AddDays(-7).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
            var until = new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
            var undelivered = await db.Alerts.AsNoTracking()
                .Where(a => a.DivisionCode.StartsWith(division) && a.CreatedAt >= since && a.CreatedAt < until)
                .Join(db.SmsMessages.Where(m => m.Status == Messaging.SmsStatus.Failed || m.Status == Messaging.SmsStatus.Expired), a => (Guid?)a.Id, m => m.AlertId,
                    (a, m) => new { a.Id, a.PregnancyId, a.MaskedName, a.Colour, m.Recipient, m.Status, m.LastError })
                .ToListAsync(cancellationToken);
            return new Response(division, date, run is not null, run?.CompletedAt, counts, found, undelivered.ConvertAll(u => new UndeliveredAlert(
                u.Id, u.PregnancyId, u.MaskedName, u.Colour, Infrastructure.Security.PersonalData.MaskMobile(u.Recipient),
                System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(u.Status.ToString()), u.LastError)));
        }
    }
}
