using System.Net;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Pregnancies;

public class ListTests
{
    [Test]
    public async Task ListByDivisionPrefix_PagesWithACursorWithoutGapsOrRepeats()
    {
        // A township of its own so that other tests' bookings do not interfere.
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
}
