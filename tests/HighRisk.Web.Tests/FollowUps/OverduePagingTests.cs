using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;
using static HighRisk.Web.Tests.FollowUps.DailyJob;

namespace HighRisk.Web.Tests.FollowUps;

/// <summary>
/// The county overdue list paged by keyset (GET /api/overdue with cursor and limit): the pages in a row are the whole
/// list, once each, in the list's order, with the township lines on every page; a cursor keeps its day's list.
/// </summary>
[NonParallelizable]
public class OverduePagingTests : ServiceFixture
{
    private const string County = "430302";

    // Villages of three Yuhu townships: 鹤岭镇, 楠竹山镇, 姜畲镇.
    private static readonly string[] Villages = ["430302100201", "430302101201", "430302102201"];

    private static readonly (string[] Findings, string Colour)[] Grades =
    [
        ([], "green"), (["y_art"], "yellow"), (["o_asthma"], "orange"), (["r_thromboembolism"], "red"), (["y_art", "p_infectious"], "yellow"),
    ];

    private static readonly IComparer<(string, int, string, string)> ListOrder = Comparer<(string, int, string, string)>.Create(CompareKeys);

    public OverduePagingTests() => DailyJob = new(this);

    private DailyJob DailyJob { get; }

    [Test]
    public async Task CountyListInPagesOfFive_IsTheWholeListOnceEach_InTheListsOrder()
    {
        var day = await OverdueDayAsync(women: 17);

        var whole = await PageAsync($"division={County}&date={D(day)}&limit=500");
        var all = Entries(whole);
        Assert.That(whole["nextCursor"], Is.Null);
        Assert.That(all, Has.Count.GreaterThanOrEqualTo(17));
        Assert.That(whole["counts"]!["total"]!.GetValue<int>(), Is.EqualTo(all.Count));
        Assert.That(whole["townships"]!.AsArray().Sum(t => t!["counts"]!["total"]!.GetValue<int>()), Is.EqualTo(all.Count));
        Assert.That(whole["townships"]!.AsArray().Select(t => t!["code"]!.GetValue<string>()), Is.SupersetOf(new[] { "430302100", "430302101", "430302102" }));
        Assert.That(all.Select(Key).ToList(), Is.Ordered.Using(ListOrder), "township, colour order, due date, pregnancy id");

        var paged = new List<JsonNode>();
        var page = await PageAsync($"division={County}&date={D(day)}&limit=5");
        var pages = 1;
        while (true)
        {
            Assert.That(Entries(page), Has.Count.LessThanOrEqualTo(5));
            Assert.That(page["townships"]!.ToJsonString(), Is.EqualTo(whole["townships"]!.ToJsonString()), "the township lines are on every page");
            Assert.That(page["counts"]!.ToJsonString(), Is.EqualTo(whole["counts"]!.ToJsonString()));
            paged.AddRange(Entries(page));
            if (page["nextCursor"]?.GetValue<string>() is not { } next)
            {
                break;
            }

            Assert.That(Entries(page), Has.Count.EqualTo(5), "only the last page is short");
            page = await PageAsync($"cursor={Uri.EscapeDataString(next)}&limit=5");
            pages++;
        }

        Assert.That(pages, Is.EqualTo((all.Count + 4) / 5));
        Assert.That(paged.Select(e => e["pregnancyId"]!.GetValue<Guid>()), Is.Unique);
        Assert.That(paged.Select(e => e.ToJsonString()), Is.EqualTo(all.Select(e => e.ToJsonString())), "the same rows, ranks included, in the same order");

        var (status, csv) = await GetTextAsync($"/api/overdue?division={County}&date={D(day)}&format=csv&limit=5");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(all.Count + 1), "the export is the whole list, not a page");
    }

    [Test]
    public async Task NextPage_AfterTheNextMorningsRun_IsStillOfTheCursorsDay()
    {
        var day = await OverdueDayAsync(women: 6);
        var whole = Entries(await PageAsync($"division={County}&date={D(day)}&limit=500"));

        var first = await PageAsync($"division={County}&limit=3");
        Assert.That(first["date"]!.GetValue<string>(), Is.EqualTo(D(day)));
        var rest = whole.Skip(3).ToList();
        var reached = rest[0]!["pregnancyId"]!.GetValue<Guid>();

        // Between the pages: she is reached, and the next morning's list is made without her.
        await Api.PostAsync($"/api/pregnancies/{reached}/follow-ups", new { date = D(day), kind = "phone", reached = true }, HttpStatusCode.Created);
        await DailyJob.RunAsync(day.AddDays(1));
        var tomorrow = Entries(await PageAsync($"division={County}&limit=500"));
        Assert.That(tomorrow.Select(e => e["pregnancyId"]!.GetValue<Guid>()), Does.Not.Contain(reached), "she is off the next day's list");

        var paged = Entries(first).ToList();
        for (var cursor = first["nextCursor"]?.GetValue<string>(); cursor is not null;)
        {
            var page = await PageAsync($"cursor={Uri.EscapeDataString(cursor)}&limit=3");
            Assert.That(page["date"]!.GetValue<string>(), Is.EqualTo(D(day)), "the cursor's day, not today");
            paged.AddRange(Entries(page));
            cursor = page["nextCursor"]?.GetValue<string>();
        }

        Assert.That(paged.Select(e => e["pregnancyId"]!.GetValue<Guid>()), Is.EqualTo(whole.Select(e => e["pregnancyId"]!.GetValue<Guid>())));
    }

    [TestCase("limit=0", "limit", "InclusiveBetweenValidator")]
    [TestCase("limit=501", "limit", "InclusiveBetweenValidator")]
    [TestCase("limit=many", "limit", null)]
    [TestCase("cursor=abc", "cursor", "CursorUnknown")]
    [TestCase("cursor=20261201.430302.430302101.7.20261101.0b6ee0e6a3bb4b5e9a3e1f6f8f0d5c11.1", "cursor", "CursorUnknown")]
    public async Task BadPagingParameter_Is400NamingIt(string query, string field, string? code)
    {
        var (status, problem) = await Api.GetAsync($"/api/overdue?division={County}&{query}", Clients["county"]);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem?.ToJsonString());
        Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { field }));
        if (code is not null)
        {
            Assert.That(problem!["errorCodes"]!.ToJsonString(), Does.Contain(code));
        }
    }

    [Test]
    public async Task CursorOfAnotherDayOrDivision_Is400NamingTheCursor()
    {
        var day = await OverdueDayAsync(women: 3);
        var first = await PageAsync($"division={County}&date={D(day)}&limit=1");
        var cursor = Uri.EscapeDataString(first["nextCursor"]!.GetValue<string>());

        Assert.That((await PageAsync($"division={County}&date={D(day)}&cursor={cursor}&limit=1"))["entries"]!.AsArray(), Has.Count.EqualTo(1), "the same division and date may be given");
        foreach (var other in new[] { $"date={D(day.AddDays(-1))}&cursor={cursor}", $"division=4303&cursor={cursor}" })
        {
            var (status, problem) = await Api.GetAsync($"/api/overdue?{other}", Clients["county"]);
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), other);
            Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { "cursor" }), other);
            Assert.That(problem!["errorCodes"]!.ToJsonString(), Does.Contain("OverdueCursorOtherList"), other);
        }
    }

    /// <summary>A fresh day on which <paramref name="women"/> women of three townships, of every colour and of two booking days, are overdue; the job has run for it.</summary>
    private async Task<DateOnly> OverdueDayAsync(int women)
    {
        var day0 = await DailyJob.FreshStartAsync();
        for (var i = 0; i < women; i++)
        {
            if (i == women / 2)
            {
                await TravelToAsync(day0.AddDays(3));
            }

            var (findings, colour) = Grades[i % Grades.Length];
            var booking = Bookings.AWoman(10 + i)
                .With("divisionCode", Villages[i % Villages.Length])
                .With("fullName", $"翻页{i:00}")
                .With("findings", new JsonArray([.. findings.Select(f => (JsonNode)f)]));
            var (status, booked, _) = await Api.PostAsync("/api/pregnancies", booking);
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created), booked?.ToJsonString());
            Assert.That(booked!["grade"]!.GetValue<string>(), Is.EqualTo(colour));
        }

        var day = day0.AddDays(45);
        await DailyJob.RunAsync(day);
        return day;
    }

    private async Task<JsonNode> PageAsync(string query)
    {
        var (status, page) = await Api.GetAsync($"/api/overdue?{query}", Clients["county"]);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), page?.ToJsonString());
        return page!;
    }

    private async Task<(HttpStatusCode Status, string Text)> GetTextAsync(string path)
    {
        using var response = await Clients["county"].GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static List<JsonNode> Entries(JsonNode page) => [.. page["entries"]!.AsArray().Select(e => e!)];

    /// <summary>The list's order as the test reads it: township, red → orange → purple → yellow → green, due date, pregnancy id.</summary>
    private static (string, int, string, string) Key(JsonNode e)
    {
        var colour = e["colour"]!.GetValue<string>();
        var urgency = colour switch
        {
            "red" => 0,
            "orange" => 1,
            _ when e["purple"]!.GetValue<bool>() => 2,
            "yellow" => 3,
            _ => 4,
        };
        return (e["townshipCode"]!.GetValue<string>(), urgency, e["dueDate"]!.GetValue<string>(), e["pregnancyId"]!.GetValue<Guid>().ToString("N"));
    }

    private static int CompareKeys((string, int, string, string) a, (string, int, string, string) b)
    {
        var byTownship = string.CompareOrdinal(a.Item1, b.Item1);
        var byUrgency = a.Item2.CompareTo(b.Item2);
        var byDue = string.CompareOrdinal(a.Item3, b.Item3);
        return byTownship != 0 ? byTownship : byUrgency != 0 ? byUrgency : byDue != 0 ? byDue : string.CompareOrdinal(a.Item4, b.Item4);
    }
}
