using FluentValidation;
using HighRisk.Features.FollowUps;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Overdue;

/// <summary>
/// The 07:00 work for one business date, in the command's one transaction under one lock: (a) the women whose review
/// date has come review their follow-up state (<see cref="FollowUpReviews"/>; everyone, once, under a changed policy),
/// (b) each township's overdue list is stored, writing only what changed since the last list (<see cref="OverdueSnapshot"/>,
/// docs/adr/0005), and (c) the digests to each township's staff are queued (<see cref="OverdueDigests"/>), with each county's case
/// digest (<see cref="Cases.CaseDigests"/>). A second run
/// for the same date finds it done and changes nothing, sends nothing.
/// </summary>
public static partial class MakeDailyOverdueList
{
    public sealed record Command(DateOnly Date) : ICommand<Response>;

    /// <summary>What the run did; <c>AlreadyDone</c> when the date's lists existed.</summary>
    public sealed record Response(bool AlreadyDone, bool Full, DailyOverdueRun? Run);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BusinessClock clock)
        {
            // A list is made from the records as they stand; a date further back than the catch-up reaches (a week before
            // yesterday's 07:00) would be today's list under an old date.
            RuleFor(c => c.Date).LessThanOrEqualTo(clock.Today).WithError(Messages.DateInFuture)
                .GreaterThanOrEqualTo(clock.Today.AddDays(-DailyOverdueCatchUp.MaxDaysBack - 1))
                .WithError(Messages.DailyJobDateTooOld, ("Days", DailyOverdueCatchUp.MaxDaysBack));
        }
    }

    public sealed partial class Handler(
        HighRiskDb db, BusinessClock clock, FollowUpPolicy policy, FollowUpReviews reviews, OverdueSnapshot snapshot, OverdueDigests digests,
        Cases.CaseDigests caseDigests, ILogger<Handler> log)
        : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var date = command.Date;
            var started = clock.Now;
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            // One run at a time whatever the date: each run's changes to the lists follow the last run's.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(7000, 0)", cancellationToken);
            if (await db.DailyOverdueRuns.AnyAsync(r => r.BusinessDate == date, cancellationToken))
            {
                LogAlreadyDone(log, date);
                return new Response(AlreadyDone: true, Full: false, Run: null);
            }

            // The run's statements are planned once each: compiling them (JIT) would cost more than running them. Its commit
            // need not wait for the disk: a run lost in a crash right after it is simply not done, and the catch-up at
            // start-up makes it again (nothing was sent: the digests are queued in this same transaction).
            await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off; SET LOCAL synchronous_commit = off", cancellationToken);
            var before = await db.DailyOverdueRuns.Where(r => r.BusinessDate < date).OrderByDescending(r => r.BusinessDate)
                .Select(r => new { r.PolicyFingerprint }).FirstOrDefaultAsync(cancellationToken);
            var full = before?.PolicyFingerprint != policy.Fingerprint;
            var missedDate = await db.DailyOverdueRuns.AnyAsync(r => r.BusinessDate > date, cancellationToken);

            var reviewed = full ? await reviews.ReviewEveryoneAsync(date, cancellationToken) : await reviews.ReviewDueAsync(date, cancellationToken);
            var spells = missedDate ? await snapshot.MadeGoodAsync(date, cancellationToken)
                : full ? await snapshot.EveryoneAsync(date, cancellationToken)
                : await snapshot.ReviewedAsync(date, reviewed.ReviewedIds, cancellationToken);
            var run = new DailyOverdueRun
            {
                BusinessDate = date,
                StartedAt = started,
                PolicyFingerprint = policy.Fingerprint,
                StatesReviewed = reviewed.Reviewed,
                StatesChanged = reviewed.Changed,
                SpellsOpened = spells.Opened,
                SpellsClosed = spells.Closed,
                Entries = await snapshot.WriteListsAsync(date, missedDate, clock.Now, cancellationToken),
            };
            var lists = await db.OverdueLists.AsNoTracking().Where(l => l.BusinessDate == date).ToListAsync(cancellationToken);
            run.Lists = lists.Count;
            (run.SmsQueued, run.MailQueued) = await digests.QueueAsync(date, lists, clock.Now, cancellationToken);
            var (caseSms, caseMail) = await caseDigests.QueueAsync(date, clock.Now, cancellationToken);
            (run.SmsQueued, run.MailQueued) = (run.SmsQueued + caseSms, run.MailQueued + caseMail);
            run.CompletedAt = clock.Now;
            db.DailyOverdueRuns.Add(run);

            foreach (var (colour, count) in new[] { ("red", lists.Sum(l => l.Red)), ("orange", lists.Sum(l => l.Orange)), ("purple", lists.Sum(l => l.Purple)),
                ("yellow", lists.Sum(l => l.Yellow)), ("green", lists.Sum(l => l.Green)) })
            {
                Telemetry.OverdueEntries.Add(count, new KeyValuePair<string, object?>("colour", colour));
            }

            LogDone(log, date, full ? "full" : "review dates", run.StatesReviewed, run.StatesChanged, run.Lists, run.Entries, run.SpellsOpened, run.SpellsClosed, run.SmsQueued, run.MailQueued);
            return new Response(AlreadyDone: false, full, run);
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Daily overdue list for {Date} was already made; nothing done")]
        private static partial void LogAlreadyDone(ILogger logger, DateOnly date);

        [LoggerMessage(Level = LogLevel.Information, Message = "Daily overdue list for {Date} ({Mode}): {Reviewed} states reviewed, {Changed} changed; " +
            "{Lists} lists, {Entries} entries, {Opened} spells opened, {Closed} closed; {Sms} SMS and {Mail} emails queued")]
        private static partial void LogDone(ILogger logger, DateOnly date, string mode, int reviewed, int changed, int lists, int entries, int opened, int closed, int sms, int mail);
    }
}
