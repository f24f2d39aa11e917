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
/// changed since the last list (see <see cref="OverdueSpell"/>), and (c) queues the SMS digest and the email with the
/// .xlsx to each township's staff. All in one transaction under a per-date lock: a second run for the same date finds
/// it done and changes nothing, sends nothing.
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
        // One run at a time whatever the date: each run's changes to the lists follow the last run's.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(7000, 0)", cancellationToken);
        if (await db.DailyOverdueRuns.AnyAsync(r => r.BusinessDate == date, cancellationToken))
        {
            LogAlreadyDone(log, date);
            return;
        }

        var before = await db.DailyOverdueRuns.Where(r => r.BusinessDate < date).OrderByDescending(r => r.BusinessDate)
            .Select(r => new { r.PolicyFingerprint }).FirstOrDefaultAsync(cancellationToken);
        var run = new DailyOverdueRun { BusinessDate = date, StartedAt = clock.Now, PolicyFingerprint = policy.Fingerprint };
        var full = before?.PolicyFingerprint != policy.Fingerprint;
        (run.StatesChanged, run.StatesReviewed) = await UpdateStatesAsync(date, full, cancellationToken);
        var later = await db.DailyOverdueRuns.AnyAsync(r => r.BusinessDate > date, cancellationToken);
        (run.Entries, run.SpellsOpened, run.SpellsClosed) = later
            ? await SnapshotBetweenAsync(date, cancellationToken)
            : await SnapshotAsync(date, cancellationToken);
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

    /// <summary>
    /// (a) The women whose review date has come (a handful in a thousand on a normal day) get their state and their next
    /// review date. A full run reads every pregnancy instead: the first run, and the first under a changed policy.
    /// </summary>
    private async Task<(int Changed, int Reviewed)> UpdateStatesAsync(DateOnly date, bool full, CancellationToken ct)
    {
        var rules = new FollowUpStateSql(policy);
        const string scope = FollowUpStateSql.InScope;
        var state = $"CASE WHEN {scope} THEN {rules.State} ELSE follow_up_state END";
        var review = $"CASE WHEN {scope} THEN {rules.ReviewOn} END";
        var which = full ? $"{scope} OR follow_up_review_on IS NOT NULL" : "follow_up_review_on <= @date";
        var sql = $"""
            WITH due AS (
                SELECT id, follow_up_state AS was FROM pregnancies WHERE {which}
            ), changed AS (
                UPDATE pregnancies p SET follow_up_state = {state}, follow_up_review_on = {review}
                FROM due WHERE p.id = due.id AND (p.follow_up_state <> {state} OR p.follow_up_review_on IS DISTINCT FROM {review})
                RETURNING p.follow_up_state <> due.was AS moved
            )
            SELECT count(*) FILTER (WHERE moved)::int AS changed, count(*)::int AS reviewed FROM changed
            """;
        // Not composed (a data-modifying WITH must stay at the top level): the one row is read as a list.
        var counts = (await db.Database.SqlQueryRaw<StateCounts>(sql, new Npgsql.NpgsqlParameter<DateOnly>("date", date)).ToListAsync(ct)).Single();
        return (counts.Changed, counts.Reviewed);
    }

    private sealed record StateCounts(int Changed, int Reviewed);

    private sealed record SpellCounts(int Entries, int Opened, int Closed);

    /// <summary>
    /// The day's overdue set as the lists show it, read from the covering index of the overdue (its columns are the
    /// spell's), and the counts of each township's list. The counts follow the list's order, so they add up to the
    /// total: purple counts the purple women who are not red or orange.
    /// </summary>
    private const string DaySet = """
        overdue AS MATERIALIZED (
            SELECT id AS pregnancy_id, township_code, division_code AS village_code, facility_code, grade AS colour, purple, lmp,
                CASE WHEN outcome = 'Delivery' THEN outcome_date END AS delivered_on, next_due_date AS due_date, next_due_kind AS due_kind,
                follow_up_state AS state, last_contact_date, failed_attempts, health_worker
            FROM pregnancies
            WHERE follow_up_state IN ('Overdue', 'Lost') AND (status = 'Open' OR outcome = 'Delivery')
        ), lists AS (
            INSERT INTO overdue_lists (id, business_date, township_code, created_at, red, orange, purple, yellow, green, lost, total)
            SELECT gen_random_uuid(), @date, township_code, @now,
                count(*) FILTER (WHERE colour = 'Red'), count(*) FILTER (WHERE colour = 'Orange'),
                count(*) FILTER (WHERE purple AND colour NOT IN ('Red', 'Orange')),
                count(*) FILTER (WHERE colour = 'Yellow' AND NOT purple), count(*) FILTER (WHERE colour = 'Green' AND NOT purple),
                count(*) FILTER (WHERE state = 'Lost'), count(*)
            FROM overdue GROUP BY township_code
            ON CONFLICT (business_date, township_code) DO NOTHING
            RETURNING 1
        )
        """;

    private const string Shown = "pregnancy_id, township_code, village_code, facility_code, colour, purple, lmp, delivered_on, due_date, due_kind, state, last_contact_date, failed_attempts, health_worker";

    /// <summary>
    /// (b) A run after the last one: the open spells are yesterday's lists. A spell whose woman left the set, or whose
    /// shown columns changed, is closed on this date; the women not shown as they are now get a new spell from it.
    /// </summary>
    private Task<(int, int, int)> SnapshotAsync(DateOnly date, CancellationToken ct) => SpellsAsync(date, $"""
        WITH {DaySet}, shown AS MATERIALIZED (
            SELECT id, {Shown} FROM overdue_spells WHERE until_date = 'infinity'
        ), gone AS (
            SELECT o.id FROM shown o LEFT JOIN overdue d ON d.pregnancy_id = o.pregnancy_id
            WHERE d.pregnancy_id IS NULL OR ({Prefixed("d")}) IS DISTINCT FROM ({Prefixed("o")})
        ), closed AS (
            UPDATE overdue_spells SET until_date = @date WHERE id = ANY (ARRAY(SELECT id FROM gone)) RETURNING 1
        ), opened AS (
            INSERT INTO overdue_spells ({Shown}, from_date, until_date)
            SELECT {Prefixed("d")}, @date, 'infinity' FROM overdue d
            WHERE NOT EXISTS (SELECT FROM shown o WHERE o.pregnancy_id = d.pregnancy_id AND ({Prefixed("d")}) IS NOT DISTINCT FROM ({Prefixed("o")}))
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM overdue)::int AS entries, (SELECT count(*) FROM opened)::int AS opened, (SELECT count(*) FROM closed)::int AS closed
        """, ct);

    /// <summary>
    /// (b) A missed date made good after a later one was done: the spells that run across it are split around it, and
    /// the day's set becomes spells of this date alone. The lists of the other dates stay as they were.
    /// </summary>
    private async Task<(int, int, int)> SnapshotBetweenAsync(DateOnly date, CancellationToken ct)
    {
        var split = await db.Database.ExecuteSqlRawAsync($"""
            WITH after AS (
                INSERT INTO overdue_spells ({Shown}, from_date, until_date)
                SELECT {Shown}, @date + 1, until_date FROM overdue_spells WHERE from_date < @date AND until_date > @date + 1
            )
            UPDATE overdue_spells SET until_date = @date WHERE from_date < @date AND until_date > @date
            """, [new Npgsql.NpgsqlParameter<DateOnly>("date", date)], ct);
        var (entries, opened, _) = await SpellsAsync(date, $"""
            WITH {DaySet}, opened AS (
                INSERT INTO overdue_spells ({Shown}, from_date, until_date)
                SELECT {Shown}, @date, @date + 1 FROM overdue
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM overdue)::int AS entries, (SELECT count(*) FROM opened)::int AS opened, 0 AS closed
            """, ct);
        return (entries, opened, split);
    }

    private async Task<(int, int, int)> SpellsAsync(DateOnly date, string sql, CancellationToken ct)
    {
        var counts = (await db.Database.SqlQueryRaw<SpellCounts>(sql,
            new Npgsql.NpgsqlParameter<DateOnly>("date", date), new Npgsql.NpgsqlParameter<DateTimeOffset>("now", clock.Now)).ToListAsync(ct)).Single();
        return (counts.Entries, counts.Opened, counts.Closed);
    }

    private static string Prefixed(string alias) => string.Join(", ", Shown.Split(", ").Select(c => $"{alias}.{c}"));

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
