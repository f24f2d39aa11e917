namespace HighRisk.Features.Fhir;

/// <summary>
/// The URIs HighRisk's FHIR endpoint names its identifiers and codes with (docs/fhir.md). They are names, not addresses
/// to fetch: a sender must use them exactly as written here, so they never change with the deployment's host name.
/// </summary>
public static class FhirSystems
{
    public const string Base = "https://highrisk.example/fhir";

    /// <summary>The woman's resident ID (居民身份证号码), the identifier a hospital system knows her by.</summary>
    public const string ResidentId = Base + "/sid/resident-id";

    /// <summary>A facility's code in HighRisk's facility list (430302101-THC): the performing organization.</summary>
    public const string FacilityCode = Base + "/sid/facility-code";

    /// <summary>The catalogue's risk factors and qualifiers (its ids as codes).</summary>
    public const string RiskFactor = Base + "/CodeSystem/risk-factor";

    /// <summary>The five colours: green, yellow, orange, red, and purple (the flag beside the grade).</summary>
    public const string RiskColour = Base + "/CodeSystem/risk-colour";

    public const string RiskColourValueSet = Base + "/ValueSet/risk-colour";

    /// <summary>Measurements without a LOINC code here: the exam API's own names.</summary>
    public const string Observation = Base + "/CodeSystem/observation";

    /// <summary>The grading method: the catalogue id and version that produced a grade.</summary>
    public const string RiskCatalogue = Base + "/CodeSystem/risk-catalogue";

    public const string Loinc = "http://loinc.org";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    public const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";
    public const string FlagCategory = "http://terminology.hl7.org/CodeSystem/flag-category";
}
