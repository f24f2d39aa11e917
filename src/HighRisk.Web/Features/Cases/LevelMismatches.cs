namespace HighRisk.Features.Cases;

/// <summary>What the level rule needs to know of a facility: its grade (1 一级, 2 二级, 3 三级) and its two flags.</summary>
public sealed record FacilityFacts(string Code, string Name, int Level, bool CriticalCareCentre, bool Midwifery);

/// <summary>
/// The right facility for the colour (five-colour-risk.md §2.1): a place of care, of delivery or of the continuation
/// assessment below what her colour asks is a level mismatch, named by one of these codes. A place not yet planned is
/// no mismatch (a missing plan is flagged on its own).
/// </summary>
public static class LevelMismatches
{
    public const string CareBelowLevel = "careBelowLevel";
    public const string CareNotCriticalCareCentre = "careNotCriticalCareCentre";
    public const string DeliveryBelowLevel = "deliveryBelowLevel";
    public const string DeliveryNotCriticalCareCentre = "deliveryNotCriticalCareCentre";
    public const string DeliveryWithoutMidwifery = "deliveryWithoutMidwifery";
    public const string AssessmentBelowLevel = "assessmentBelowLevel";

    public static readonly string[] All =
    [
        CareBelowLevel, CareNotCriticalCareCentre, DeliveryBelowLevel, DeliveryNotCriticalCareCentre, DeliveryWithoutMidwifery, AssessmentBelowLevel,
    ];

    public static string[] Find(CasePolicy.CareRequirements need, FacilityFacts? care, FacilityFacts? delivery, FacilityFacts? assessment)
    {
        var found = new List<string>();
        if (care is not null)
        {
            Check(need.Care, care, CareBelowLevel, CareNotCriticalCareCentre, found);
        }

        if (delivery is not null)
        {
            Check(need.Delivery, delivery, DeliveryBelowLevel, DeliveryNotCriticalCareCentre, found);
            if (!delivery.Midwifery)
            {
                found.Add(DeliveryWithoutMidwifery);
            }
        }

        if (assessment is not null && need.Assessment is { } assessed)
        {
            Check(assessed, assessment, AssessmentBelowLevel, AssessmentBelowLevel, found);
        }

        return [.. found.Distinct()];
    }

    private static void Check(CasePolicy.Requirement need, FacilityFacts place, string belowLevel, string notCentre, List<string> found)
    {
        if (place.Level < need.MinLevel)
        {
            found.Add(belowLevel);
        }

        if (need.CriticalCareCentre && !place.CriticalCareCentre)
        {
            found.Add(notCentre);
        }
    }
}
