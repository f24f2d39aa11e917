using System.Text.Json;
using HighRisk.Infrastructure;

namespace HighRisk.Features.Referrals;

/// <summary>
/// Referral deadlines as data (seeds/policy/referrals.json): how soon the receiving facility must accept or decline, by
/// urgency, in hours or in working days; how long it keeps her record after completing. The outcome's 14 days belong to
/// the follow-up policy, whose schedule counts them.
/// </summary>
public sealed record ReferralPolicy
{
    public required string Id { get; init; }

    public required string Version { get; init; }

    public Dictionary<string, int> AcceptWithinHours { get; init; } = [];

    public Dictionary<string, int> AcceptWithinWorkingDays { get; init; } = [];

    public int AccessDaysAfterCompletion { get; init; } = 30;

    /// <summary>Public holidays that fall on weekdays (not working days).</summary>
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];

    /// <summary>Saturdays and Sundays worked in exchange for a holiday (调休上班).</summary>
    public IReadOnlyList<DateOnly> WorkingWeekends { get; init; } = [];

    /// <summary>
    /// When the receiving facility must have answered: so many hours after the request, or the same time of day on the
    /// so-many-th working day after the day of the request (Asia/Shanghai).
    /// </summary>
    public DateTimeOffset AcceptBy(ReferralUrgency urgency, DateTimeOffset requestedAt)
    {
        var key = Key(urgency);
        if (AcceptWithinHours.TryGetValue(key, out var hours))
        {
            return requestedAt.AddHours(hours);
        }

        var local = TimeZoneInfo.ConvertTime(requestedAt, BusinessClock.Zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var counted = 0; counted < AcceptWithinWorkingDays[key];)
        {
            day = day.AddDays(1);
            counted += IsWorkingDay(day) ? 1 : 0;
        }

        var at = day.ToDateTime(TimeOnly.FromDateTime(local.DateTime));
        return new DateTimeOffset(at, BusinessClock.Zone.GetUtcOffset(at)).ToUniversalTime();
    }

    public bool IsWorkingDay(DateOnly day) =>
        WorkingWeekends.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(day));

    private static string Key(ReferralUrgency urgency) => JsonNamingPolicy.CamelCase.ConvertName(urgency.ToString());

    /// <summary>Reads and checks the policy; a broken file stops the service naming what is wrong.</summary>
    public static ReferralPolicy Parse(string json, string source)
    {
        var policy = JsonSerializer.Deserialize<ReferralPolicy>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web) { AllowTrailingCommas = true })
            ?? throw new InvalidOperationException($"{source}: empty referral policy");
        foreach (var urgency in Enum.GetValues<ReferralUrgency>())
        {
            var key = Key(urgency);
            var hours = policy.AcceptWithinHours.GetValueOrDefault(key);
            var days = policy.AcceptWithinWorkingDays.GetValueOrDefault(key);
            if ((hours > 0) == (days > 0) || hours < 0 || days < 0)
            {
                throw new InvalidOperationException($"{source}: {key} needs a positive acceptWithinHours or acceptWithinWorkingDays, not both");
            }
        }

        if (policy.AccessDaysAfterCompletion < 0)
        {
            throw new InvalidOperationException($"{source}: accessDaysAfterCompletion must be zero or more");
        }

        return policy;
    }
}
