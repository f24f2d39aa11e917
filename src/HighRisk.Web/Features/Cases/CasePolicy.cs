using System.Text.Json;
using HighRisk.Rules;

namespace HighRisk.Features.Cases;

/// <summary>
/// Case management as data (seeds/policy/case-management.json): how soon a new orange, red or purple case must be
/// reported to the county MCH institution and have its first plan, and the facility level each colour asks for its
/// antenatal care, its delivery and (red) its continuation assessment.
/// </summary>
public sealed record CasePolicy
{
    public required string Id { get; init; }

    public required string Version { get; init; }

    public required Dictionary<string, int> ReportWithinHours { get; init; }

    public required Dictionary<string, int> FirstPlanWithinDays { get; init; }

    public int DeathReportWithinHours { get; init; } = 24;

    public required Dictionary<string, CareRequirements> CareLevels { get; init; }

    /// <summary>What a facility must be: at least this level (1 一级, 2 二级, 3 三级), and a critical care centre if asked.</summary>
    public sealed record Requirement(int MinLevel, bool CriticalCareCentre = false);

    public sealed record CareRequirements(Requirement Care, Requirement Delivery, Requirement? Assessment = null);

    /// <summary>The colour a case is reported and planned under: red over purple over orange (purple beside a lower colour counts as purple).</summary>
    public static string CaseColour(RiskColour colour, bool purple) =>
        colour == RiskColour.Red ? "red" : purple ? "purple" : colour == RiskColour.Orange ? "orange" : colour.ToApiName();

    /// <summary>Whether this grade opens a case: orange, red, or purple beside any colour.</summary>
    public static bool OpensCase(RiskColour colour, bool purple) => purple || colour >= RiskColour.Orange;

    public TimeSpan ReportWithin(RiskColour colour, bool purple) => TimeSpan.FromHours(ReportWithinHours[CaseColour(colour, purple)]);

    public int FirstPlanWithin(RiskColour colour, bool purple) => FirstPlanWithinDays[CaseColour(colour, purple)];

    /// <summary>What her colour asks of each place: the stricter of her colour's and, when purple, purple's.</summary>
    public CareRequirements RequirementsFor(RiskColour colour, bool purple)
    {
        var own = CareLevels[colour.ToApiName()];
        return purple ? Stricter(own, CareLevels["purple"]) : own;
    }

    private static CareRequirements Stricter(CareRequirements a, CareRequirements b) => new(
        Stricter(a.Care, b.Care)!, Stricter(a.Delivery, b.Delivery)!, Stricter(a.Assessment, b.Assessment));

    private static Requirement? Stricter(Requirement? a, Requirement? b) =>
        a is null ? b : b is null ? a : new(Math.Max(a.MinLevel, b.MinLevel), a.CriticalCareCentre || b.CriticalCareCentre);

    /// <summary>Reads and checks the policy; a broken file stops the service naming what is wrong.</summary>
    public static CasePolicy Parse(string json, string source)
    {
        var policy = JsonSerializer.Deserialize<CasePolicy>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web) { AllowTrailingCommas = true })
            ?? throw new InvalidOperationException($"{source}: empty case-management policy");
        foreach (var colour in new[] { "orange", "red", "purple" })
        {
            if (!policy.ReportWithinHours.TryGetValue(colour, out var hours) || hours <= 0)
            {
                throw new InvalidOperationException($"{source}: reportWithinHours.{colour} must be a positive number of hours");
            }

            if (!policy.FirstPlanWithinDays.TryGetValue(colour, out var days) || days < 0)
            {
                throw new InvalidOperationException($"{source}: firstPlanWithinDays.{colour} must be zero or more days");
            }
        }

        foreach (var colour in new[] { "green", "yellow", "orange", "red", "purple" })
        {
            if (!policy.CareLevels.TryGetValue(colour, out var levels) || levels.Care is null || levels.Delivery is null
                || new[] { levels.Care, levels.Delivery, levels.Assessment }.Any(r => r is not null && r.MinLevel is < 1 or > 3))
            {
                throw new InvalidOperationException($"{source}: careLevels.{colour} needs care and delivery, each with minLevel 1–3");
            }
        }

        return policy;
    }
}
