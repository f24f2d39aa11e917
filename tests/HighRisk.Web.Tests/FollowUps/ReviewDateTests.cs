using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;
using Npgsql;
using static HighRisk.Web.Tests.FollowUps.DailyJob;

namespace HighRisk.Web.Tests.FollowUps;

/// <summary>
/// The daily job reads only the women whose review date has come and writes only the lists' changes. These scenarios
/// hold it against the whole rule read afresh: after every morning's run, each woman's stored state and the day's list
/// must be what one statement over every row gives (written here independently of the service, as run.sh's
/// hand-written statement is), and every earlier list must read back as it was on its day.
/// </summary>
[NonParallelizable]
public class ReviewDateTests : ServiceFixture
{
    public ReviewDateTests() => DailyJob = new(this);

    private DailyJob DailyJob { get; }

    private const string Village = "430302007001", OtherVillage = "430302007002";   // 万楼街道

    /// <summary>The overdue and lost rule for one date over the given women, with the shipped policy's numbers.</summary>
    private const string EveryoneAfresh = """
        SELECT id::text, state FROM (
            SELECT id, CASE
                WHEN next_due_date IS NULL THEN 'None'
                WHEN moved_away_on IS NOT NULL THEN 'Lost'
                WHEN $1 - next_due_date >= 28 AND (last_contact_date IS NULL OR last_contact_date < next_due_date) THEN 'Lost'
                WHEN failed_attempts >= 2 AND last_failed_attempt - first_failed_attempt >= 14 THEN 'Lost'
                WHEN $1 > next_due_date + CASE WHEN next_due_kind = 'RedContact' THEN 0 WHEN purple THEN least(grace, 3) ELSE grace END THEN 'Overdue'
                ELSE 'OnTrack' END AS state
            FROM (SELECT *, CASE grade WHEN 'Red' THEN 1 WHEN 'Orange' THEN 3 ELSE 7 END AS grace FROM pregnancies) p
            WHERE id = ANY ($2) AND (status = 'Open' OR (outcome = 'Delivery' AND next_due_date IS NOT NULL))
        ) s
        """;

    [Test]
    public async Task SixWeeksOfVisitsMadeMissedAndFailed_GiveTheStatesAndListsOfReadingEveryone()
    {
        var day0 = await DailyJob.FreshStartAsync();
        var women = new List<Guid>();
        string[][] findings = [[], ["y_art"], ["o_asthma"], ["r_thromboembolism"], ["p_infectious"], ["o_asthma", "p_infectious"]];
        for (var i = 0; i < 18; i++)
        {
            var weeks = 8 + (i * 7 % 30);
            women.Add(await Api.BookAsync(Bookings.AWoman(weeks).With("divisionCode", i % 2 == 0 ? Village : OtherVillage)
                .With("findings", new JsonArray(findings[i % findings.Length].Select(f => (JsonNode?)f).ToArray()))));
        }

        var random = new Random(20261204);
        var lists = new Dictionary<DateOnly, HashSet<string>>();
        for (var day = 1; day <= 42; day++)
        {
            var date = day0.AddDays(day);
            await TravelToAsync(date);
            foreach (var id in women)
            {
                // Most days nothing happens to a woman; now and then a visit, a call that reaches her, or one that fails.
                switch (random.Next(30))
                {
                    case 0:
                        await Api.ExamAsync(id, Bookings.AnExam(date).With("nextAppointment", D(date.AddDays(random.Next(5, 20)))));
                        break;
                    case 1:
                        await Api.PostAsync($"/api/pregnancies/{id}/follow-ups", new { date = D(date), kind = "phone", reached = true }, HttpStatusCode.Created);
                        break;
                    case 2 or 3:
                        await Api.PostAsync($"/api/pregnancies/{id}/follow-ups", new { date = D(date), kind = "homeVisit", reached = false }, HttpStatusCode.Created);
                        break;
                    case 4 when day % 9 == 0:
                        // Entered late: an exam a week ago, whose due date may already have passed.
                        await Api.ExamAsync(id, Bookings.AnExam(date.AddDays(-7)));
                        break;
                }
            }

            await DailyJob.RunAsync(date);
            var expected = await AfreshAsync(date, women);
            var stored = await StoredStatesAsync(women);
            Assert.That(stored, Is.EquivalentTo(expected), $"every woman's state on {D(date)} is what reading everyone gives");

            var onList = await OnListAsync(date, women);
            var shouldBe = expected.Where(s => s.Value is "Overdue" or "Lost").Select(s => $"{s.Key} {s.Value.ToLowerInvariant()}").ToHashSet();
            Assert.That(onList, Is.EquivalentTo(shouldBe), $"the list of {D(date)}");
            lists[date] = onList;
        }

        Assert.That(lists.Values.Sum(l => l.Count), Is.GreaterThan(20), "the scenario puts women on the lists");
        Assert.That(lists.Values.SelectMany(l => l).Any(e => e.EndsWith(" lost", StringComparison.Ordinal)), Is.True, "and some of them lost");
        foreach (var (date, list) in lists)
        {
            Assert.That(await OnListAsync(date, women), Is.EquivalentTo(list), $"the list of {D(date)} reads back as it was");
        }

        var reviewed = await ScalarAsync<long>("SELECT max(states_reviewed) FROM daily_overdue_runs WHERE business_date > $1", day0.AddDays(1));
        Assert.That(reviewed, Is.LessThan(await ScalarAsync<long>("SELECT count(*) FROM pregnancies WHERE status = 'Open'")),
            "after the first run, a run reads the women whose review date has come, not everyone");
    }

    [Test]
    public async Task AMissedDateMadeGoodAfterTheNextOne_HasItsOwnListAndLeavesTheOthersAsTheyWere()
    {
        var day0 = await DailyJob.FreshStartAsync();
        var overdue = await Api.BookAsync(Bookings.AWoman(20).With("divisionCode", Village));   // due in 4 weeks, overdue after 7 days' grace
        var women = new List<Guid> { overdue };
        var due = day0.AddDays(28);

        await DailyJob.RunAsync(due.AddDays(7));
        Assert.That(await OnListAsync(due.AddDays(7), women), Is.Empty, "on the last day of grace");
        await DailyJob.RunAsync(due.AddDays(9));
        Assert.That(await OnListAsync(due.AddDays(9), women), Is.EquivalentTo(new[] { $"{overdue} overdue" }));

        // The morning between, made good afterwards: the list is made from the records as they stand.
        var (status, _, _) = await Api.PostAsync($"/api/admin/jobs/daily-overdue?date={D(due.AddDays(8))}", new JsonObject(), client: Admin);
        Assert.That(status, Is.EqualTo(System.Net.HttpStatusCode.Accepted));
        await DailyJob.RanAsync(due.AddDays(8));
        Assert.That(await OnListAsync(due.AddDays(8), women), Is.EquivalentTo(new[] { $"{overdue} overdue" }));
        Assert.That(await OnListAsync(due.AddDays(9), women), Is.EquivalentTo(new[] { $"{overdue} overdue" }), "the later list as it was");
        Assert.That(await OnListAsync(due.AddDays(7), women), Is.Empty, "the earlier list as it was");

        // She is reached; the next morning carries on from the latest list.
        await TravelToAsync(due.AddDays(10));
        await Api.PostAsync($"/api/pregnancies/{overdue}/follow-ups", new { date = D(due.AddDays(10)), kind = "homeVisit", reached = true }, HttpStatusCode.Created);
        await DailyJob.RunAsync(due.AddDays(11));
        Assert.That(await OnListAsync(due.AddDays(11), women), Is.Empty);
        Assert.That(await OnListAsync(due.AddDays(9), women), Is.EquivalentTo(new[] { $"{overdue} overdue" }));
        Assert.That(await OnListAsync(due.AddDays(10), women), Is.Empty, "a date never run has no list");
    }

    /// <param name="fullRun">The run after a changed policy, which reads and reviews everyone, not only those due.</param>
    [TestCase(false, TestName = "AChangeCommittedWhileTheJobRuns_IsReviewedAsSheNowIsNotOverwritten")]
    [TestCase(true, TestName = "AChangeCommittedWhileAFullRunReadsEveryone_IsReviewedAsSheNowIsNotOverwritten")]
    public async Task AChangeCommittedWhileTheJobRuns_IsReviewedAsSheNowIsNotOverwritten(bool fullRun)
    {
        var day0 = await DailyJob.FreshStartAsync();
        var id = await Api.BookAsync(Bookings.AWoman(20).With("divisionCode", Village));   // due in 4 weeks, overdue after 7 days' grace
        var due = day0.AddDays(28);
        await DailyJob.RunAsync(due.AddDays(7));
        var morning = due.AddDays(8);
        await TravelToAsync(morning);
        await Api.BookAsync(Bookings.AWoman(20).With("divisionCode", OtherVillage));   // not due this morning: only a full run reads her
        if (fullRun)
        {
            Assert.That(await ScalarAsync<long>("""
                WITH changed AS (UPDATE daily_overdue_runs SET policy_fingerprint = 'a-changed-policy' WHERE business_date < $1 RETURNING 1)
                SELECT count(*) FROM changed
                """, morning), Is.GreaterThan(0));
        }

        // As the job starts, another writer moves her next visit on (as an exam with a new appointment does) and has not
        // committed yet: the job must wait for her row, then review her as she is after that change.
        await using var connection = await Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var move = new NpgsqlCommand("""
            WITH moved AS (UPDATE pregnancies SET next_due_date = $2 WHERE id = $1 RETURNING id)
            UPDATE follow_up_reviews SET revision = revision + 1 WHERE pregnancy_id IN (SELECT id FROM moved)
            """, connection, transaction))
        {
            move.Parameters.Add(new NpgsqlParameter { Value = id });
            move.Parameters.Add(new NpgsqlParameter { Value = morning.AddDays(14) });
            Assert.That(await move.ExecuteNonQueryAsync(), Is.EqualTo(1), "her pregnancy, then her review's revision, as every change writes them");
        }

        await Api.RunJobAsync($"daily-overdue?date={D(morning)}");
        Assert.That(await EventuallyAsync("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid)))", connection.ProcessID),
            Is.True, "the job waits for the row being changed");
        await transaction.CommitAsync();
        await DailyJob.RanAsync(morning);

        var stored = await StoredStatesAsync([id]);
        Assert.That(stored, Is.EquivalentTo(await AfreshAsync(morning, [id])), "her state is what reading her afresh gives");
        Assert.That(stored[id.ToString()], Is.EqualTo("OnTrack"), "her new due date is two weeks away: the overdue state read before the change is not written");
        Assert.That(await OnListAsync(morning, [id]), Is.Empty);
        Assert.That(await ScalarAsync<DateOnly>("SELECT review_on FROM follow_up_reviews WHERE pregnancy_id = $1", id), Is.EqualTo(morning.AddDays(14 + 8)),
            "reviewed again the day after her new visit's grace");
        var everyone = await ScalarAsync<long>("""
            SELECT count(*) FROM pregnancies AS p JOIN follow_up_reviews AS r ON r.pregnancy_id = p.id
            WHERE p.status = 'Open' OR p.next_due_date IS NOT NULL OR r.review_on IS NOT NULL
            """);
        var reviewed = await ScalarAsync<long>("SELECT states_reviewed FROM daily_overdue_runs WHERE business_date = $1", morning);
        Assert.That(reviewed == everyone, Is.EqualTo(fullRun), $"{reviewed} of {everyone} reviewed: a full run reads everyone, a morning those due");
    }

    /// <summary>
    /// A woman whose state the job leaves as it is still gets a new review date from it; a request reaching her as the job
    /// runs moves her review's revision, and what the job worked out from her row before that must not overwrite the
    /// review the request planned.
    /// </summary>
    [Test]
    public async Task AReviewPlannedWhileTheJobRuns_IsNotOverwrittenByTheOneWorkedOutBeforeIt()
    {
        var day0 = await DailyJob.FreshStartAsync();
        var id = await Api.BookAsync(Bookings.AWoman(20).With("divisionCode", Village));   // due in 4 weeks, overdue after 7 days' grace
        var due = day0.AddDays(28);
        await DailyJob.RunAsync(due.AddDays(8));
        await TravelToAsync(due.AddDays(9));
        await Api.PostAsync($"/api/pregnancies/{id}/follow-ups", new { date = D(due.AddDays(9)), kind = "phone", reached = false }, HttpStatusCode.Created);
        Assert.That(await ScalarAsync<DateOnly>("SELECT review_on FROM follow_up_reviews WHERE pregnancy_id = $1", id), Is.EqualTo(due.AddDays(9)),
            "a change that leaves her overdue: reviewed the next morning");
        var morning = due.AddDays(10);
        await TravelToAsync(morning);

        // As the job starts, another writer records that she was reached and is next due in two weeks (as a contact does),
        // with the review that plans, and has not committed yet. Read before it, she stays overdue: only her date changes.
        await using var connection = await Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var reach = new NpgsqlCommand("""
            WITH reached AS (UPDATE pregnancies SET last_contact_date = $2, next_due_date = $3, follow_up_state = 'OnTrack' WHERE id = $1 RETURNING id)
            UPDATE follow_up_reviews SET review_on = $4, revision = revision + 1 WHERE pregnancy_id IN (SELECT id FROM reached)
            """, connection, transaction))
        {
            foreach (var value in new object[] { id, morning, morning.AddDays(14), morning.AddDays(14 + 8) })
            {
                reach.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            Assert.That(await reach.ExecuteNonQueryAsync(), Is.EqualTo(1));
        }

        await Api.RunJobAsync($"daily-overdue?date={D(morning)}");
        Assert.That(await EventuallyAsync("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid)))", connection.ProcessID),
            Is.True, "the job waits for her review being changed");
        await transaction.CommitAsync();
        await DailyJob.RanAsync(morning);

        Assert.That(await ScalarAsync<DateOnly>("SELECT review_on FROM follow_up_reviews WHERE pregnancy_id = $1", id), Is.EqualTo(morning.AddDays(14 + 8)),
            "the review her contact planned, not the one the job worked out from her row before it");
        var stored = await StoredStatesAsync([id]);
        Assert.That(stored, Is.EquivalentTo(await AfreshAsync(morning, [id])));
        Assert.That(stored[id.ToString()], Is.EqualTo("OnTrack"));
    }

    private async Task<Dictionary<string, string>> AfreshAsync(DateOnly date, List<Guid> women) =>
        await ReadPairsAsync(EveryoneAfresh, date, women.ToArray());

    private async Task<Dictionary<string, string>> StoredStatesAsync(List<Guid> women) =>
        await ReadPairsAsync("""
            SELECT id::text, follow_up_state FROM pregnancies
            WHERE id = ANY ($1) AND (status = 'Open' OR (outcome = 'Delivery' AND next_due_date IS NOT NULL))
            """, women.ToArray());

    private async Task<Dictionary<string, string>> ReadPairsAsync(string sql, params object[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var pairs = new Dictionary<string, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pairs[reader.GetString(0)] = reader.GetString(1);
        }

        return pairs;
    }

    /// <summary>"id state" of the given women on the township's list of a date, as its staff read it through the API.</summary>
    private async Task<HashSet<string>> OnListAsync(DateOnly date, List<Guid> women)
    {
        var (_, list) = await Api.GetAsync($"/api/overdue?division=430302007&date={D(date)}", Admin);
        return list!["entries"]!.AsArray()
            .Where(e => women.Contains(e!["pregnancyId"]!.GetValue<Guid>()))
            .Select(e => $"{e!["pregnancyId"]!.GetValue<Guid>()} {e["state"]!.GetValue<string>()}")
            .ToHashSet();
    }
}
