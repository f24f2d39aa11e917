using FluentValidation;
using HighRisk.Features.Audit;
using HighRisk.Features.Accounts;
using HighRisk.Features.Risk;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Infrastructure.Security;
using HighRisk.Rules;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Pregnancies;

/// <summary>Pregnancies under a division-code prefix, newest booking first, keyset-paged by an opaque cursor.</summary>
public static class ListPregnancies
{
    public sealed record Query(string? Division, string? Grade, bool? Purple, string? Status, string? Q, string? Cursor, int? Limit, bool? Overdue = null) : IQuery<Response>, IAudited<Response>
    {
        // The search text may be a name or a number: it is not written to the audit trail, only that there was one.
        public AuditEntry Audit(Response response) =>
            new(AuditAction.List, "pregnancy", null, $"ListPregnancies division={Division} grade={Grade} purple={Purple} status={Status} search={Q is not null} rows={response.Items.Count}");
    }

    public sealed record Item(
        Guid Id, long Number, string FullName, string ResidentId, string Mobile, string DivisionCode, DateOnly Lmp, DateOnly Edd, GestationalAge GestationalAge,
        string Grade, bool Purple, PregnancyStatus Status, string HealthWorker, DateOnly BookingDate, DateOnly? NextDueDate, FollowUps.FollowUpState FollowUpState, int DaysOverdue,
        bool TransferPending);

    public sealed record Response(IReadOnlyList<Item> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Division).Matches("^[0-9]{2,12}$").WithError(Messages.PregnancyListDivision);
            RuleFor(q => q.Grade).Must(g => GradeNames.TryParse(g!, out _)).When(q => q.Grade is not null)
                .WithError(Messages.GradeFilter);
            RuleFor(q => q.Status).Must(s => s!.ToLowerInvariant() is "open" or "closed" or "postpartum").When(q => q.Status is not null)
                .WithError(Messages.PregnancyStatusFilter);
            RuleFor(q => q.Q).MaximumLength(50);
            RuleFor(q => q.Cursor).Must(c => long.TryParse(c, out _)).When(q => q.Cursor is not null).WithError(Messages.CursorUnknown);
            RuleFor(q => q.Limit).InclusiveBetween(1, 200);
        }
    }

    public sealed class Handler([FromKeyedServices(ListReads.Key)] HighRiskDb db, BusinessClock clock, PersonalData personalData, CurrentUser user) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var limit = query.Limit ?? 50;
            var pregnancies = db.Pregnancies.AsNoTracking();
            if (query.Division is { Length: Pregnancy.TownshipCodeLength } township)
            {
                pregnancies = pregnancies.Where(p => p.TownshipCode == township);
            }
            else if (query.Division is { } division)
            {
                pregnancies = pregnancies.Where(p => p.DivisionCode.StartsWith(division));
            }

            if (query.Grade is { } gradeText && GradeNames.TryParse(gradeText, out var grade))
            {
                pregnancies = pregnancies.Where(p => p.Grade == grade);
            }

            if (query.Purple is { } purple)
            {
                pregnancies = pregnancies.Where(p => p.Purple == purple);
            }

            if (query.Status?.ToLowerInvariant() == "postpartum")
            {
                pregnancies = pregnancies.Where(Pregnancy.InPostpartumEpisodeFilter);
            }
            else if (query.Status is { } statusText && Enum.TryParse<PregnancyStatus>(statusText, ignoreCase: true, out var status))
            {
                pregnancies = pregnancies.Where(p => p.Status == status);
            }

            if (query.Overdue is { } overdue)
            {
                pregnancies = overdue
                    ? pregnancies.Where(p => p.Schedule.State == FollowUps.FollowUpState.Overdue || p.Schedule.State == FollowUps.FollowUpState.Lost)
                    : pregnancies.Where(p => p.Schedule.State != FollowUps.FollowUpState.Overdue && p.Schedule.State != FollowUps.FollowUpState.Lost);
            }

            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                pregnancies = Search(pregnancies, query.Q.Trim());
            }

            if (query.Cursor is { } cursor && long.TryParse(cursor, out var after))
            {
                pregnancies = pregnancies.Where(p => p.Number < after);
            }

            var today = clock.Today;
            var rows = await pregnancies.OrderByDescending(p => p.Number).Take(limit + 1)
                .Select(p => new
                {
                    p.Id, p.Number, p.Woman.FullName, p.Woman.ResidentIdMasked, p.Woman.MobileCipher, p.Woman.MobileMasked, p.DivisionCode, p.Lmp, p.Edd,
                    p.Grade, p.Purple, p.Status, p.HealthWorker, p.BookingDate, p.OutcomeDate, p.Schedule.NextDueDate, p.Schedule.State
                })
                .ToListAsync(cancellationToken);
            var moving = await Transfers.PendingTransfers.AmongAsync(db, rows.Select(r => r.Id).ToList(), cancellationToken);
            var items = rows.Take(limit).Select(r => new Item(
                r.Id, r.Number, r.FullName, r.ResidentIdMasked, user.SeesFullContact ? personalData.Unprotect(r.MobileCipher) : r.MobileMasked, r.DivisionCode, r.Lmp, r.Edd,
                GestationalAge.FromLmp(r.Lmp, Max(r.Lmp, r.Status == PregnancyStatus.Open ? today : r.OutcomeDate ?? today)),
                r.Grade.ToApiName(), r.Purple, r.Status, r.HealthWorker, r.BookingDate, r.NextDueDate, r.State, FollowUps.FollowUpSchedule.DaysOverdue(r.State, r.NextDueDate, today),
                moving.Contains(r.Id))).ToList();
            return new Response(items, rows.Count > limit ? rows[limit - 1].Number.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        }

        /// <summary>
        /// Name fragments match the name; a whole mobile number or resident ID matches its keyed hash; up to four
        /// trailing digits match the visible tail of the masked numbers.
        /// </summary>
        private IQueryable<Pregnancy> Search(IQueryable<Pregnancy> pregnancies, string q)
        {
            if (MobileNumber.Normalize(q) is { } mobile)
            {
                var hash = personalData.Hash(mobile);
                return pregnancies.Where(p => p.Woman.MobileHash == hash);
            }

            if (q.Length == 18 && ResidentId.Problem(q, clock.Today) is null)
            {
                var hash = personalData.Hash(ResidentId.Normalize(q));
                return pregnancies.Where(p => p.Woman.ResidentIdHash == hash);
            }

            if (q.Length <= 4 && q.All(c => char.IsAsciiDigit(c) || c is 'X' or 'x'))
            {
                var tail = q.ToUpperInvariant();
                return pregnancies.Where(p => p.Woman.MobileMasked.EndsWith(tail) || p.Woman.ResidentIdMasked.EndsWith(tail));
            }

            return pregnancies.Where(p => p.Woman.FullName.Contains(q));
        }

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    }
}
