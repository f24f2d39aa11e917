namespace HighRisk.Infrastructure;

/// <summary>
/// The one clock: instants from <see cref="TimeProvider"/>, calendar dates in Asia/Shanghai, the business day of
/// every health worker in China whatever the server's own time zone.
/// </summary>
public sealed class BusinessClock(TimeProvider time)
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The current instant in UTC (PostgreSQL timestamptz takes UTC offsets only).</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Today's calendar date in Asia/Shanghai.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    public TimeProvider Time => time;
}
