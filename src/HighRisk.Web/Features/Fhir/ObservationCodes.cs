using System.Collections.Frozen;
using HighRisk.Rules;

namespace HighRisk.Features.Fhir;

/// <summary>One measurement of the exam vocabulary as FHIR codes it: its code (LOINC where LOINC has one), its UCUM unit.</summary>
/// <param name="Unit">The UCUM code the value must carry; null for urine protein, a dipstick grade sent as text.</param>
/// <param name="Category">The observation category: <c>exam</c> or <c>laboratory</c>.</param>
public sealed record ObservationCode(Observation Observation, string System, string Code, string? Unit, string Category)
{
    public ObservationInfo Info => Observation.Info();

    public bool IsLoinc => System == FhirSystems.Loinc;
}

/// <summary>
/// The mapping table between the exam's measurements and FHIR codes (docs/fhir.md prints it). Every measured
/// observation has a code here: LOINC for the common values (shared/domain collaboration notes), otherwise the
/// HighRisk observation code system with the exam API's name as the code. Names, ranges and units come from the
/// vocabulary (<see cref="Observations"/>); only the UCUM spelling of the unit is written here.
/// </summary>
public static class ObservationCodes
{
    /// <summary>The LOINC blood pressure panel; its components are the systolic and diastolic codes.</summary>
    public const string BloodPressurePanel = "85354-9";

    public static IReadOnlyList<ObservationCode> All { get; } =
    [
        Loinc(Observation.SystolicBp, "8480-6", "mm[Hg]", "vital-signs"),
        Loinc(Observation.DiastolicBp, "8462-4", "mm[Hg]", "vital-signs"),
        Loinc(Observation.WeightKg, "29463-7", "kg", "vital-signs"),
        Loinc(Observation.HeightCm, "8302-2", "cm", "vital-signs"),
        Loinc(Observation.Hemoglobin, "718-7", "g/L", "laboratory"),
        Loinc(Observation.Platelets, "777-3", "10*9/L", "laboratory"),
        Loinc(Observation.FastingGlucose, "14771-0", "mmol/L", "laboratory"),
        Loinc(Observation.UrineProtein, "20454-5", null, "laboratory"),
        Loinc(Observation.FetalHeartRate, "55283-6", "/min", "exam"),
        Loinc(Observation.FundalHeight, "11881-0", "cm", "exam"),
        Own(Observation.FetusCount, "1", "exam"),
        Own(Observation.PulmonaryArteryPressure, "mm[Hg]", "exam"),
        Loinc(Observation.EjectionFraction, "10230-1", "%", "exam"),
        Own(Observation.NyhaClass, "1", "exam"),
        Own(Observation.CreatinineToUln, "1", "laboratory"),
        Loinc(Observation.Spo2, "59408-5", "%", "vital-signs"),
        Own(Observation.MitralValveArea, "cm2", "exam"),
        Own(Observation.AorticGradient, "mm[Hg]", "exam"),
        Own(Observation.AorticDiameter, "mm", "exam"),
        Own(Observation.PrednisoneMgPerDay, "mg/d", "exam"),
        Own(Observation.UrineMlPerDay, "mL/d", "laboratory"),
        Loinc(Observation.Temperature, "8310-5", "Cel", "vital-signs"),
        Loinc(Observation.Alt, "1742-6", "U/L", "laboratory"),
        Own(Observation.FibroidCm, "cm", "exam"),
    ];

    private static readonly FrozenDictionary<(string System, string Code), ObservationCode> ByCode =
        All.ToFrozenDictionary(c => (c.System, c.Code));

    private static readonly FrozenDictionary<Observation, ObservationCode> ByObservation =
        All.ToFrozenDictionary(c => c.Observation);

    public static bool TryFind(string? system, string? code, out ObservationCode found) =>
        ByCode.TryGetValue((system ?? string.Empty, code ?? string.Empty), out found!);

    public static ObservationCode Of(Observation observation) => ByObservation[observation];

    public static bool TryOf(string apiName, out ObservationCode found)
    {
        found = null!;
        return Observations.TryParse(apiName, out var observation) && ByObservation.TryGetValue(observation, out found!);
    }

    private static ObservationCode Loinc(Observation o, string code, string? unit, string category) => new(o, FhirSystems.Loinc, code, unit, category);

    private static ObservationCode Own(Observation o, string unit, string category) => new(o, FhirSystems.Observation, o.ToApiName(), unit, category);
}
