namespace HighRisk.Rules;

/// <summary>
/// One word of the observation vocabulary: its API name (camelCase), names, unit, and the plausible range the API uses
/// to reject impossible values. A value outside the range is a typing or unit error, not a clinical finding.
/// </summary>
public sealed record ObservationInfo(
    Observation Observation,
    string ApiName,
    string NameZh,
    string NameEn,
    string Unit,
    decimal Min,
    decimal Max,
    ObservationSource Source,
    bool WholeNumber)
{
    /// <summary>True when the value can be a real measurement of this observation.</summary>
    public bool IsPlausible(decimal value)
    {
        if (value < Min || value > Max)
        {
            return false;
        }

        if (WholeNumber && value != decimal.Truncate(value))
        {
            return false;
        }

        // Urine protein is an ordinal dipstick grade, so only the grades themselves are values.
        return Observation != Observation.UrineProtein || UrineProteinGrade.IsGrade(value);
    }
}
