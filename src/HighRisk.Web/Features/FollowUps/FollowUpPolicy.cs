using System.Text.Json;
using HighRisk.Rules;

namespace HighRisk.Features.FollowUps;

/// <summary>
/// The follow-up schedule as data (seeds/policy/follow-up-policy.json): the longest interval between contacts by
/// colour and gestational age, the grace before "overdue", when a case is lost to follow-up, and the postpartum and
/// referral deadlines. Purple counts as its own colour: a purple woman gets the shorter of the two intervals.
/// </summary>
public sealed record FollowUpPolicy
{
    public required string Id { get; init; }

    public required string Version { get; init; }

    public required Dictionary<string, Intervals> IntervalDays { get; init; }

    public int NewlyRedContactDays { get; init; } = 1;

    /// <summary>Grace after the 24-hour contact of a woman newly red (the 24 hours are the grace: none by default).</summary>
    public int NewlyRedGraceDays { get; init; }

    public required Dictionary<string, int> GraceDays { get; init; }

    public required LostRule LostToFollowUp { get; init; }

    public required PostpartumRule Postpartum { get; init; }

    public int ReferralOutcomeDays { get; init; } = 14;

    public sealed record Intervals(int Before28Weeks, int From28Weeks, int From37Weeks);

    public sealed record LostRule(int OverdueDays, int FailedAttempts, int FailedAttemptsApartDays);

    public sealed record PostpartumRule(int VisitWithinDaysOfDischarge, int CheckOnDay, int CheckCountsFromDay);

    public static readonly string[] Colours = ["green", "yellow", "orange", "red", "purple"];

    /// <summary>The longest interval allowed after a contact on <paramref name="date"/>.</summary>
    public int IntervalFor(RiskColour colour, bool purple, GestationalAge age)
    {
        var days = Pick(IntervalDays[colour.ToApiName()], age);
        return purple ? Math.Min(days, Pick(IntervalDays["purple"], age)) : days;
    }

    public int GraceFor(RiskColour colour, bool purple) =>
        purple ? Math.Min(GraceDays[colour.ToApiName()], GraceDays["purple"]) : GraceDays[colour.ToApiName()];

    /// <summary>The grace before a due date of this kind is overdue: none beyond the 24 hours for a woman newly red.</summary>
    public int GraceFor(RiskColour colour, bool purple, DueKind? kind) => kind == DueKind.RedContact ? NewlyRedGraceDays : GraceFor(colour, purple);

    /// <summary>
    /// SHA-256 of the policy file as read. The daily job keeps it with each run: women's review dates were worked out
    /// under one policy, so a run under another re-reads every open pregnancy once.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Fingerprint { get; private init; } = "";

    private static int Pick(Intervals intervals, GestationalAge age) =>
        age.Weeks >= 37 ? intervals.From37Weeks : age.Weeks >= 28 ? intervals.From28Weeks : intervals.Before28Weeks;

    /// <summary>Reads and checks the policy; a broken file stops the service naming what is wrong.</summary>
    public static FollowUpPolicy Parse(string json, string source)
    {
        var policy = JsonSerializer.Deserialize<FollowUpPolicy>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web) { AllowTrailingCommas = true })
            ?? throw new InvalidOperationException($"{source}: empty follow-up policy");
        policy = policy with { Fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json))) };
        foreach (var colour in Colours)
        {
            if (!policy.IntervalDays.TryGetValue(colour, out var i) || i.Before28Weeks <= 0 || i.From28Weeks <= 0 || i.From37Weeks <= 0)
            {
                throw new InvalidOperationException($"{source}: intervalDays.{colour} must give three positive intervals");
            }

            if (!policy.GraceDays.TryGetValue(colour, out var grace) || grace < 0)
            {
                throw new InvalidOperationException($"{source}: graceDays.{colour} must be zero or more");
            }
        }

        if (policy.NewlyRedContactDays < 0 || policy.NewlyRedGraceDays < 0)
        {
            throw new InvalidOperationException($"{source}: newlyRedContactDays and newlyRedGraceDays must be zero or more");
        }

        return policy;
    }
}
