using System.Net;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.FollowUps;

/// <summary>
/// During a roll-out the previous release runs on this release's schema until its pods are gone (docs/operations.md,
/// "Upgrades"). It keeps a woman's review date on her pregnancy's row and books pregnancies without a review row; what
/// it writes must reach the review rows this release reads, or its bookings would vanish from this release's reads.
/// </summary>
public class PreviousReleaseTests : ServiceFixture
{
    private static readonly DateOnly Planned = new(2031, 1, 2);

    [Test]
    public async Task AReviewDatePlannedByThePreviousRelease_ReachesHerReviewRowAndMovesItsRevision()
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 20));
        var revision = await ScalarAsync<int>("SELECT revision FROM follow_up_reviews WHERE pregnancy_id = $1", id);

        await ScalarAsync<int>("UPDATE pregnancies SET follow_up_review_on = $2 WHERE id = $1 RETURNING 1", id, Planned);

        Assert.That(await ScalarAsync<DateOnly>("SELECT review_on FROM follow_up_reviews WHERE pregnancy_id = $1", id), Is.EqualTo(Planned));
        Assert.That(await ScalarAsync<int>("SELECT revision FROM follow_up_reviews WHERE pregnancy_id = $1", id), Is.EqualTo(revision + 1),
            "a change the daily job must not overwrite with what it read before");
    }

    [Test]
    public async Task APregnancyBookedByThePreviousRelease_GetsHerReviewRowAndIsRead()
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 20));

        // Her row as the previous release inserts it: every column of this one (closed, so that her woman may have it),
        // with the review date on the row itself and no review row.
        var booked = await ScalarAsync<Guid>("""
            INSERT INTO pregnancies OVERRIDING SYSTEM VALUE
            SELECT (jsonb_populate_record(p, jsonb_build_object(
                'id', gen_random_uuid(), 'number', nextval(pg_get_serial_sequence('pregnancies', 'number')), 'status', 'Closed', 'follow_up_review_on', $2::date))).*
            FROM pregnancies AS p WHERE p.id = $1
            RETURNING id
            """, id, Planned);

        Assert.That(await ScalarAsync<DateOnly>("SELECT review_on FROM follow_up_reviews WHERE pregnancy_id = $1", booked), Is.EqualTo(Planned));
        var (status, body) = await Api.GetAsync($"/api/pregnancies/{booked}");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
    }
}
