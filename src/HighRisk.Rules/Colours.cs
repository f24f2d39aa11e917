namespace HighRisk.Rules;

/// <summary>The woman's grade. Ordered: a higher value is a higher risk, so colours compare with &lt; and &gt;.</summary>
public enum RiskColour
{
    Green,
    Yellow,
    Orange,
    Red,
}

/// <summary>
/// The colour a catalogue row carries. Purple (infectious disease) is a flag beside the grade, never a grade itself,
/// which is why it is not a <see cref="RiskColour"/>.
/// </summary>
public enum FactorColour
{
    Yellow,
    Orange,
    Red,
    Purple,
}

public static class FactorColours
{
    /// <summary>The grade a factor of this colour contributes; purple contributes none (it sets the purple flag).</summary>
    public static RiskColour? ToRiskColour(this FactorColour colour) => colour switch
    {
        FactorColour.Yellow => RiskColour.Yellow,
        FactorColour.Orange => RiskColour.Orange,
        FactorColour.Red => RiskColour.Red,
        _ => null,
    };

    /// <summary>The factor colour of a manual raise; green cannot be a raise.</summary>
    public static FactorColour? ToFactorColour(this RiskColour colour) => colour switch
    {
        RiskColour.Yellow => FactorColour.Yellow,
        RiskColour.Orange => FactorColour.Orange,
        RiskColour.Red => FactorColour.Red,
        _ => null,
    };

    /// <summary>Lower-case name as used in the catalogue file and the API ("yellow", "purple").</summary>
    public static string ToApiName(this FactorColour colour) => colour switch
    {
        FactorColour.Yellow => "yellow",
        FactorColour.Orange => "orange",
        FactorColour.Red => "red",
        _ => "purple",
    };

    /// <summary>Lower-case name as used in the API ("green", "red").</summary>
    public static string ToApiName(this RiskColour colour) => colour switch
    {
        RiskColour.Green => "green",
        RiskColour.Yellow => "yellow",
        RiskColour.Orange => "orange",
        _ => "red",
    };
}
