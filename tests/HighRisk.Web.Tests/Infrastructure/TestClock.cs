namespace HighRisk.Web.Tests.Infrastructure;

/// <summary>A clock the tests move by hand; the service reads it through TimeProvider like any other.</summary>
public sealed class TestClock : TimeProvider
{
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
