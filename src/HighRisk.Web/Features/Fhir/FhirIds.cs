namespace HighRisk.Features.Fhir;

/// <summary>
/// Resource ids (FHIR ids: letters, digits, '-' and '.', at most 64): Patient = the woman's id, EpisodeOfCare = the
/// pregnancy's, Encounter = the exam's, Observation = exam id + '-' + measurement name, Condition = exam (or pregnancy,
/// for booking findings) id + "-f" + the finding's position, RiskAssessment = the pregnancy's id (the grade now) or a
/// grade change's id, Flag = the pregnancy's id (her colour) or it + "-purple".
/// </summary>
public static class FhirIds
{
    public const string PurpleSuffix = "-purple";

    public static string Measurement(Guid examId, string name) => $"{examId}-{name}";

    public static string Finding(Guid sourceId, int index) => $"{sourceId}-f{index}";

    /// <summary>Splits "{guid}-{rest}" into the guid and the rest.</summary>
    public static bool TrySplit(string id, out Guid source, out string rest)
    {
        rest = string.Empty;
        if (id.Length > 37 && id[36] == '-' && Guid.TryParse(id.AsSpan(0, 36), out source))
        {
            rest = id[37..];
            return true;
        }

        source = Guid.Empty;
        return false;
    }
}
