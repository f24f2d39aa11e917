namespace HighRisk.Web.Tests.Infrastructure;

/// <summary>A clock the tests move by hand; the service reads it through TimeProvider like any other.</summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>Where every fixture's clock starts: 10:00 Asia/Shanghai on Monday 16 March 2026.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 16, 2, 0, 0, TimeSpan.Zero);

    private DateTimeOffset _now;

    public TestClock(DateTimeOffset start) => _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Sets the clock to 10:00 Asia/Shanghai on the given business day.</summary>
    public void SetToday(DateOnly day)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
        _now = target > _now ? target : _now;   // time never runs backwards, even within a day
    }

    public DateOnly Today => DateOnly.FromDateTime(_now.ToOffset(TimeSpan.FromHours(8)).DateTime);

    public void Advance(TimeSpan by) => _now += by;
}
