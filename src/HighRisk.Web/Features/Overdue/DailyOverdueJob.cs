using Hangfire;
using HighRisk.Features.FollowUps;
using HighRisk.Features.Messaging;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Overdue;

/// <summary>
/// The 07:00 job, once per business date: (a) re-computes every open pregnancy's overdue and lost state with one
/// set-based UPDATE, (b) stores each township's overdue list for the day as a snapshot, and (c) queues the SMS digest
/// and the email with the .xlsx to each township's staff. All in one transaction under a per-date lock: a second run
/// for the same date finds it done and changes nothing, sends nothing.
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
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(7000, {date.DayNumber})", cancellationToken);
        if (await db.DailyOverdueRuns.AnyAsync(r => r.BusinessDate == date, cancellationToken))
        {
            LogAlreadyDone(log, date);
            return;
        }

        var run = new DailyOverdueRun { BusinessDate = date, StartedAt = clock.Now };
        run.StatesChanged = await UpdateStatesAsync(date, cancellationToken);
        run.Entries = await SnapshotAsync(date, cancellationToken);
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
        LogDone(log, date, run.StatesChanged, run.Lists, run.Entries, run.SmsQueued, run.MailQueued);
    }

    /// <summary>
    /// (a) Overdue once the date is past the due date plus the colour's grace (none for the 24-hour contact of a woman
    /// newly red: the 24 hours are the grace); lost after 28 days with no reached contact since the due date (a woman
    /// seen every week whose referral outcome is late is overdue, not lost), two failed attempts 14 days apart, or a
    /// move with no receiving facility. One scan, and only the rows whose state changes are written (about 1 % a day): days overdue are
    /// worked out when read, so an overdue woman's row is not rewritten every morning.
    /// </summary>
    private Task<int> UpdateStatesAsync(DateOnly date, CancellationToken ct)
    {
        // The same expression in SET and WHERE (a self-join to compute it once costs a second scan of the table). The
        // policy's day counts are integers from seeds/, written into the text; the date is a parameter.
        var g = policy.GraceDays;
        var lost = policy.LostToFollowUp;
        var grace = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"CASE grade WHEN 'Red' THEN {g["red"]} WHEN 'Orange' THEN {g["orange"]} WHEN 'Yellow' THEN {g["yellow"]} ELSE {g["green"]} END");
        var state = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"""
            CASE
                WHEN next_due_date IS NULL THEN 'None'
                WHEN moved_away_on IS NOT NULL THEN 'Lost'
                WHEN @date - next_due_date >= {lost.OverdueDays} AND (last_contact_date IS NULL OR last_contact_date < next_due_date) THEN 'Lost'
                WHEN failed_attempts >= {lost.FailedAttempts} AND last_failed_attempt - first_failed_attempt >= {lost.FailedAttemptsApartDays} THEN 'Lost'
                WHEN @date > next_due_date + CASE WHEN next_due_kind = 'RedContact' THEN {policy.NewlyRedGraceDays} WHEN purple THEN least({grace}, {g["purple"]}) ELSE {grace} END THEN 'Overdue'
                ELSE 'OnTrack'
            END
            """);
        var sql = $"""
            UPDATE pregnancies SET follow_up_state = {state}
            WHERE (status = 'Open' OR (outcome = 'Delivery' AND next_due_date IS NOT NULL)) AND follow_up_state <> {state}
            """;
        return db.Database.ExecuteSqlRawAsync(sql, [new Npgsql.NpgsqlParameter<DateOnly>("date", date)], ct);
    }

    /// <summary>
    /// (b) One list per township with anyone overdue or lost; entries ranked by urgency, then days overdue. The counts
    /// follow the same order, so they add up to the total: purple counts the purple women who are not red or orange.
    /// </summary>
    private Task<int> SnapshotAsync(DateOnly date, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            WITH due AS (
                SELECT id, township_code, division_code, facility_code, grade, purple, greatest(0, ({date} - lmp) / 7) AS weeks,
                    CASE WHEN outcome = 'Delivery' THEN greatest(0, {date} - outcome_date) END AS postpartum_day,
                    next_due_date, next_due_kind, greatest(0, {date} - next_due_date) AS days_overdue, follow_up_state,
                    last_contact_date, failed_attempts, health_worker,
                    CASE WHEN grade = 'Red' THEN 0 WHEN grade = 'Orange' THEN 1 WHEN purple THEN 2 WHEN grade = 'Yellow' THEN 3 ELSE 4 END AS urgency
                FROM pregnancies
                WHERE follow_up_state IN ('Overdue', 'Lost') AND (status = 'Open' OR outcome = 'Delivery')
            ), lists AS (
                INSERT INTO overdue_lists (id, business_date, township_code, created_at, red, orange, purple, yellow, green, lost, total)
                SELECT gen_random_uuid(), {date}, township_code, {clock.Now},
                    count(*) FILTER (WHERE urgency = 0), count(*) FILTER (WHERE urgency = 1), count(*) FILTER (WHERE urgency = 2),
                    count(*) FILTER (WHERE urgency = 3), count(*) FILTER (WHERE urgency = 4),
                    count(*) FILTER (WHERE follow_up_state = 'Lost'), count(*)
                FROM due GROUP BY township_code
                ON CONFLICT (business_date, township_code) DO NOTHING
                RETURNING id, township_code
            )
            INSERT INTO overdue_list_entries (list_id, rank, pregnancy_id, village_code, facility_code,
                colour, purple, gestational_weeks, postpartum_day, due_date, due_kind, days_overdue, state, last_contact_date, failed_attempts, health_worker)
            SELECT l.id, row_number() OVER (PARTITION BY d.township_code ORDER BY d.urgency, d.days_overdue DESC, d.next_due_date, d.id),
                d.id, d.division_code, d.facility_code, d.grade, d.purple, d.weeks, d.postpartum_day,
                d.next_due_date, d.next_due_kind, d.days_overdue, d.follow_up_state, d.last_contact_date, d.failed_attempts, d.health_worker
            FROM due d JOIN lists l ON l.township_code = d.township_code
            """, ct);

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily overdue list for {Date}: {Changed} states changed, {Lists} lists, {Entries} entries, {Sms} SMS and {Mail} emails queued")]
    private static partial void LogDone(ILogger logger, DateOnly date, int changed, int lists, int entries, int sms, int mail);
}
