using Hangfire;
using HighRisk.Features.FollowUps;
using HighRisk.Features.Messaging;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Overdue;

/// <summary>
/// The 07:00 job, once per business date: (a) brings the overdue and lost state of the women whose review date has
/// come up to date with one set-based UPDATE, (b) stores each township's overdue list for the day, writing only what
/// changed since the last list (see <see cref="OverdueSnapshot"/> and docs/adr/0004), and (c) queues the SMS digest and
/// the email with the .xlsx to each township's staff. All in one transaction under one lock: a second run for the same
/// date finds it done and changes nothing, sends nothing.
/// </summary>
public sealed partial class DailyOverdueJob(
    HighRiskDb db, BusinessClock clock, FollowUpPolicy policy, Alerts.SmsTemplates templates, IConfiguration configuration, IBackgroundJobClient jobs, ILogger<DailyOverdueJob> log)
{
    /// <summary>The recurring entry point: today's business date in Asia/Shanghai.</summary>
    [AutomaticRetry(Attempts = 3)]
    public Task RunTodayAsync(CancellationToken cancellationToken) => RunAsync(clock.Today, cancellationToken);

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(DateOnly date, CancellationToken cancellationToken)
    {
        using var timer = Telemetry.Time("daily-overdue");
        var started = clock.Now;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One run at a time whatever the date: each run's changes to the lists follow the last run's.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(7000, 0)", cancellationToken);
        if (await db.DailyOverdueRuns.AnyAsync(r => r.BusinessDate == date, cancellationToken))
        {
            LogAlreadyDone(log, date);
            return;
        }

        // The job's statements are planned once each: compiling them (JIT) would cost more than running them. Its commit
        // need not wait for the disk: a run lost in a crash right after it is simply not done, and the catch-up at
        // start-up makes it again (nothing was sent: the digests are queued in this same transaction).
        await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off; SET LOCAL synchronous_commit = off", cancellationToken);
        var before = await db.DailyOverdueRuns.Where(r => r.BusinessDate < date).OrderByDescending(r => r.BusinessDate)
            .Select(r => new { r.PolicyFingerprint }).FirstOrDefaultAsync(cancellationToken);
        var full = before?.PolicyFingerprint != policy.Fingerprint;
        var missedDate = await db.DailyOverdueRuns.AnyAsync(r => r.BusinessDate > date, cancellationToken);
        var snapshot = new OverdueSnapshot(db, policy);
        var counts = missedDate ? await snapshot.MakeGoodAsync(date, full, cancellationToken)
            : full ? await snapshot.ReviewEveryoneAsync(date, cancellationToken)
            : await snapshot.ReviewDueAsync(date, cancellationToken);
        var run = new DailyOverdueRun
        {
            BusinessDate = date, StartedAt = started, PolicyFingerprint = policy.Fingerprint,
            StatesReviewed = counts.Reviewed, StatesChanged = counts.Changed, SpellsOpened = counts.Opened, SpellsClosed = counts.Closed,
            Entries = await snapshot.WriteListsAsync(date, missedDate, clock.Now, cancellationToken),
        };
        var lists = await db.OverdueLists.AsNoTracking().Where(l => l.BusinessDate == date).ToListAsync(cancellationToken);
        run.Lists = lists.Count;
        (run.SmsQueued, run.MailQueued) = await QueueDigestsAsync(date, lists, cancellationToken);
        run.CompletedAt = clock.Now;
        db.DailyOverdueRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        foreach (var (colour, count) in new[] { ("red", lists.Sum(l => l.Red)), ("orange", lists.Sum(l => l.Orange)), ("purple", lists.Sum(l => l.Purple)), ("yellow", lists.Sum(l => l.Yellow)), ("green", lists.Sum(l => l.Green)) })
        {
            Telemetry.OverdueEntries.Add(count, new KeyValuePair<string, object?>("colour", colour));
        }

        jobs.Enqueue<SmsDeliveryJob>(Queues.Alerts, job => job.RunAsync(CancellationToken.None));
        jobs.Enqueue<MailDeliveryJob>(job => job.RunAsync(CancellationToken.None));
        LogDone(log, date, full ? "full" : "review dates", run.StatesReviewed, run.StatesChanged, run.Lists, run.Entries, run.SpellsOpened, run.SpellsClosed, run.SmsQueued, run.MailQueued);
    }

    /// <summary>(c) The SMS digest to each staff mobile and the email with the .xlsx to each staff address, queued in the outbox.</summary>
    private async Task<(int Sms, int Mail)> QueueDigestsAsync(DateOnly date, List<OverdueList> lists, CancellationToken ct)
    {
        var townships = lists.Select(l => l.TownshipCode).ToList();
        var staff = await db.DivisionContacts.AsNoTracking()
            .Where(c => c.Role == Contacts.ContactRole.SubdistrictStaff && townships.Contains(c.DivisionCode))
            .ToListAsync(ct);
        var names = await db.Divisions.AsNoTracking().Where(d => townships.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var link = (configuration["App:PublicUrl"] ?? "http://localhost:5080").TrimEnd('/');
        var sign = configuration["Sms:SignName"] ?? "高危孕产妇管理";
        var ttl = TimeSpan.FromHours(configuration.GetValue("Sms:DigestTimeToLiveHours", 12));
        int sms = 0, mail = 0;
        foreach (var list in lists)
        {
            var place = names.GetValueOrDefault(list.TownshipCode, list.TownshipCode);
            var url = $"{link}/overdue?division={list.TownshipCode}&date={date:yyyy-MM-dd}";
            var values = new Dictionary<string, string>
            {
                ["sign"] = sign,
                ["township"] = place,
                ["date"] = date.ToString("M月d日", System.Globalization.CultureInfo.InvariantCulture),
                ["total"] = Number(list.Total),
                ["red"] = Number(list.Red),
                ["orange"] = Number(list.Orange),
                ["purple"] = Number(list.Purple),
                ["yellow"] = Number(list.Yellow),
                ["green"] = Number(list.Green),
                ["lost"] = Number(list.Lost),
                ["link"] = url,
            };
            foreach (var contact in staff.Where(c => c.DivisionCode == list.TownshipCode))
            {
                if (contact.Mobile is { } mobile)
                {
                    db.SmsMessages.Add(SmsMessage.Queue(
                        $"digest:{date:yyyy-MM-dd}:{list.TownshipCode}:{mobile}", SmsKind.Digest, null, mobile, Alerts.SmsTemplates.Fill(templates.Digest.Text, values),
                        templates.Digest.TemplateCode, values, clock.Now, ttl));
                    sms++;
                }

                if (contact.Email is { } email)
                {
                    db.MailMessages.Add(new MailMessage
                    {
                        Id = Guid.CreateVersion7(clock.Now),
                        DedupKey = $"digest:{date:yyyy-MM-dd}:{list.TownshipCode}:{email}",
                        Recipient = email,
                        Subject = $"{place} {date:yyyy-MM-dd} 逾期随访名单（{list.Total}人）",
                        Body = $"{contact.Name}：\n\n{place}{date:yyyy年M月d日}逾期随访{list.Total}人（红{list.Red}、橙{list.Orange}、紫{list.Purple}、黄{list.Yellow}、绿{list.Green}，失访{list.Lost}），名单见附件。\n在线查看：{url}\n",
                        OverdueListId = list.Id,
                        AttachmentName = $"逾期随访名单-{list.TownshipCode}-{date:yyyyMMdd}.xlsx",
                        Status = MailStatus.Queued,
                        CreatedAt = clock.Now,
                    });
                    mail++;
                }
            }
        }

        await db.SaveChangesAsync(ct);
        return (sms, mail);
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily overdue list for {Date} was already made; nothing done")]
    private static partial void LogAlreadyDone(ILogger logger, DateOnly date);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily overdue list for {Date} ({Mode}): {Reviewed} states reviewed, {Changed} changed; {Lists} lists, {Entries} entries, {Opened} spells opened, {Closed} closed; {Sms} SMS and {Mail} emails queued")]
    private static partial void LogDone(ILogger logger, DateOnly date, string mode, int reviewed, int changed, int lists, int entries, int opened, int closed, int sms, int mail);
}
