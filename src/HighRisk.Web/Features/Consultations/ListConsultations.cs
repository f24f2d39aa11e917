using System.Globalization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Consultations;

/// <summary>
/// The consultations the caller sees (her area's, which holds every pool she is a member of), filtered by state, pool,
/// her part in them and the late flag. Open and taken ones come as a work queue, the earliest due first; otherwise the
/// latest first. Keyset-paged by an opaque cursor.
/// </summary>
public static class ListConsultations
{
    public const string MineAsked = "asked";
    public const string MineTaken = "taken";
    public const string MinePools = "pools";

    /// <param name="Status">open, taken or answered.</param>
    /// <param name="Pool">A pool's id.</param>
    /// <param name="Mine">asked (by me), taken (by me) or pools (of the pools I am a member of).</param>
    public sealed record Query(string? Status, Guid? Pool, string? Mine, bool? Late, string? Cursor, int? Limit) : IQuery<Response>, IAudited<Response>
    {
        public AuditEntry Audit(Response response) =>
            new(AuditAction.List, "consultation", null, $"ListConsultations status={Status} pool={Pool} mine={Mine} late={Late} rows={response.Items.Count}");

        /// <summary>Open or taken: the earliest due first; otherwise the latest first.</summary>
        public bool WorkQueue => Status is "open" or "taken";
    }

    public sealed record Response(IReadOnlyList<ConsultationView> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).Must(s => s is "open" or "taken" or "answered").When(q => q.Status is not null).WithError(Messages.ConsultationStatusFilter);
            RuleFor(q => q.Mine).Must(m => m is MineAsked or MineTaken or MinePools).When(q => q.Mine is not null).WithError(Messages.ConsultationMineFilter);
            RuleFor(q => q.Cursor).Must(c => Key.TryParse(c!, out _)).When(q => q.Cursor is not null).WithError(Messages.CursorUnknown);
            RuleFor(q => q.Limit).InclusiveBetween(1, 200);
        }
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock, Divisions.DivisionNames divisions) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var limit = query.Limit ?? 50;
            var me = user.User?.Id ?? Guid.Empty;
            var consultations = db.Consultations.AsNoTracking();
            consultations = query.Status switch
            {
                "open" => consultations.Where(c => c.Status == ConsultationStatus.Open),
                "taken" => consultations.Where(c => c.Status == ConsultationStatus.Taken),
                "answered" => consultations.Where(c => c.Status == ConsultationStatus.Answered),
                _ => consultations,
            };
            consultations = query.Mine switch
            {
                MineAsked => consultations.Where(c => c.AskedById == me),
                MineTaken => consultations.Where(c => c.TakenById == me),
                MinePools => consultations.Where(c => db.ExpertPools.Any(p => p.Id == c.PoolId && p.MemberIds.Contains(me))),
                _ => consultations,
            };
            if (query.Pool is { } pool)
            {
                consultations = consultations.Where(c => c.PoolId == pool);
            }

            if (query.Late is { } late)
            {
                consultations = consultations.Where(c => c.Late == late);
            }

            var page = await Page(consultations, query).Take(limit + 1).ToListAsync(cancellationToken);
            var items = await ConsultationViews.ShapeAsync(db, divisions, page.Take(limit).ToList(), user.User?.Id, withWoman: true, clock.Today, cancellationToken);
            return new Response(items, page.Count > limit ? Key.Of(page[limit - 1]) : null);
        }

        /// <summary>The page after the cursor, in the order the state filter asks for.</summary>
        private static IQueryable<Consultation> Page(IQueryable<Consultation> consultations, Query query)
        {
            var after = query.Cursor is { } cursor && Key.TryParse(cursor, out var key) ? key : null;
            if (query.WorkQueue)
            {
                if (after is not null)
                {
                    consultations = consultations.Where(c => c.AnswerDue > after.AnswerDue || (c.AnswerDue == after.AnswerDue && c.Id.CompareTo(after.Id) > 0));
                }

                return consultations.OrderBy(c => c.AnswerDue).ThenBy(c => c.Id);
            }

            if (after is not null)
            {
                consultations = consultations.Where(c => c.AnswerDue < after.AnswerDue || (c.AnswerDue == after.AnswerDue && c.Id.CompareTo(after.Id) < 0));
            }

            return consultations.OrderByDescending(c => c.AnswerDue).ThenByDescending(c => c.Id);
        }
    }

    /// <summary>The list's order as an opaque cursor: due time (UTC ticks) and id.</summary>
    public sealed record Key(DateTimeOffset AnswerDue, Guid Id)
    {
        public static string Of(Consultation c) => string.Create(CultureInfo.InvariantCulture, $"{c.AnswerDue.UtcTicks}.{c.Id:N}");

        public static bool TryParse(string text, out Key key)
        {
            key = null!;
            var parts = text.Split('.');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParseExact(parts[1], "N", out var id))
            {
                return false;
            }

            key = new Key(new DateTimeOffset(ticks, TimeSpan.Zero), id);
            return true;
        }
    }
}
