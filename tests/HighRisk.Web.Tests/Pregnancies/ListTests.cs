using System.Net;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Pregnancies;

/// <summary>Lists read everything in an area, so each test has a service and database of its own.</summary>
public class ListTests : ServiceFixture
{
    public ListTests()
        : base(ServiceFor.EachTest)
    {
    }

    [Test]
    public async Task ListByDivisionPrefix_PagesWithACursorWithoutGapsOrRepeats()
    {
        const string township = "430304001";   // 岳塘街道
        var booked = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            booked.Add(await Api.BookAsync(Bookings.AWoman().With("divisionCode", $"{township}00{(i % 2) + 1}")));
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var (status, page) = await Api.GetAsync($"/api/pregnancies?division={township}&limit=2" + (cursor is null ? string.Empty : $"&cursor={cursor}"));
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), page?.ToJsonString());
            var items = page!["items"]!.AsArray();
            Assert.That(items, Has.Count.LessThanOrEqualTo(2));
            seen.AddRange(items.Select(i => i!["id"]!.GetValue<Guid>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.That(seen, Is.EquivalentTo(booked));
        Assert.That(seen, Is.EqualTo(booked.AsEnumerable().Reverse()), "newest booking first");
    }

    [Test]
    public async Task ListByGradeAndName_FiltersOnTheServer()
    {
        var name = $"筛选{Guid.NewGuid():N}"[..8];
        await Api.BookAsync(Bookings.AWoman().With("fullName", name));
        var (status, page) = await Api.GetAsync($"/api/pregnancies?division=4303&grade=green&q={Uri.EscapeDataString(name)}");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page!["items"]!.AsArray().Select(i => i!["fullName"]!.GetValue<string>()), Is.EqualTo(new[] { name }));

        var (_, none) = await Api.GetAsync($"/api/pregnancies?division=4303&grade=red&q={Uri.EscapeDataString(name)}");
        Assert.That(none!["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task StatusPostpartum_ListsTheDeliveredUntilTheir42DayCheck()
    {
        var today = Clock.Today;
        var name = $"产后{Guid.NewGuid():N}"[..8];
        string Q(string status) => $"/api/pregnancies?status={status}&q={Uri.EscapeDataString(name)}";
        var delivered = await Api.BookAsync(Bookings.AWoman(weeks: 39).With("fullName", name));
        var checkedAt42 = await Api.BookAsync(Bookings.AWoman(weeks: 44).With("fullName", name)
            .With("bookingDate", today.AddDays(-42).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        var open = await Api.BookAsync(Bookings.AWoman(weeks: 20).With("fullName", name));
        await Api.PostAsync(
            $"/api/pregnancies/{delivered}/close",
            new { outcome = "delivery", date = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), mode = "vaginal" },
            HttpStatusCode.OK);
        var born = today.AddDays(-40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Api.PostAsync($"/api/pregnancies/{checkedAt42}/close", new { outcome = "delivery", date = born, mode = "vaginal" }, HttpStatusCode.OK);
        var (examined, body, _) = await Api.PostAsync($"/api/pregnancies/{checkedAt42}/exams", Bookings.AnExam());
        Assert.That(examined, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());

        var (status, page) = await Api.GetAsync(Q("postpartum"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), page?.ToJsonString());
        Assert.That(page!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Is.EqualTo(new[] { delivered }), "the other had her 42-day check");
        var (_, opened) = await Api.GetAsync(Q("open"));
        Assert.That(opened!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Is.EqualTo(new[] { open }));
        var (bad, problem) = await Api.GetAsync(Q("3"));
        Assert.That(bad, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { "status" }));
    }
}
