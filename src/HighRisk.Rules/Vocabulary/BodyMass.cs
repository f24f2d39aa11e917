namespace HighRisk.Rules;

/// <summary>The body-mass index, for grading and for checking a booking's height and weight against each other.</summary>
public static class BodyMass
{
    /// <summary>Weight ÷ (height in m)², unrounded on purpose: rounding to one decimal would move 27.95–27.99 to orange (reference 1.6).</summary>
    public static decimal Index(decimal weightKg, decimal heightCm) => weightKg * 10000m / (heightCm * heightCm);
}
