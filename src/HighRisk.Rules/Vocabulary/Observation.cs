namespace HighRisk.Rules;

/// <summary>
/// Everything a catalogue condition can test. Measured observations arrive with an exam; derived ones are computed by
/// the engine from the case (age, BMI, gestational age, booking history). The API name, unit and plausible range of
/// each live in <see cref="Observations"/>; docs/observations.md lists them.
/// </summary>
public enum Observation
{
    // Measured at an exam.
    SystolicBp,
    DiastolicBp,
    WeightKg,
    HeightCm,
    Hemoglobin,
    Platelets,
    FastingGlucose,
    UrineProtein,
    FetalHeartRate,
    FundalHeight,
    FetusCount,
    PulmonaryArteryPressure,
    EjectionFraction,
    NyhaClass,
    CreatinineToUln,
    Spo2,
    MitralValveArea,
    AorticGradient,
    AorticDiameter,
    PrednisoneMgPerDay,
    UrineMlPerDay,
    Temperature,
    Alt,
    FibroidCm,

    // Derived by the engine.
    AgeYears,
    Bmi,
    GestationalWeeks,
    MonthsSinceUterineSurgery,
    Abortions,
    UterineOperations,
}

/// <summary>Whether a client sends the value with an exam, or the engine computes it.</summary>
public enum ObservationSource
{
    Measured,
    Derived,
}
