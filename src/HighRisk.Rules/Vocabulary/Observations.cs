using System.Collections.Frozen;

namespace HighRisk.Rules;

/// <summary>The observation vocabulary: the only names a catalogue condition or an exam measurement may use.</summary>
public static class Observations
{
    private static readonly ObservationInfo[] Vocabulary =
    [
        Measured(Observation.SystolicBp, "systolicBp", "收缩压", "systolic blood pressure", "mmHg", 50, 300),
        Measured(Observation.DiastolicBp, "diastolicBp", "舒张压", "diastolic blood pressure", "mmHg", 20, 200),
        Measured(Observation.WeightKg, "weightKg", "体重", "weight", "kg", 25, 250),
        Measured(Observation.HeightCm, "heightCm", "身高", "height", "cm", 100, 230),
        Measured(Observation.Hemoglobin, "hemoglobin", "血红蛋白", "haemoglobin", "g/L", 20, 250),
        Measured(Observation.Platelets, "platelets", "血小板计数", "platelet count", "10^9/L", 1, 1500),
        Measured(Observation.FastingGlucose, "fastingGlucose", "空腹血糖", "fasting plasma glucose", "mmol/L", 1, 40),
        Measured(Observation.UrineProtein, "urineProtein", "尿蛋白", "urine protein (dipstick grade)", "grade", 0, 4),
        Measured(Observation.FetalHeartRate, "fetalHeartRate", "胎心率", "fetal heart rate", "bpm", 50, 250),
        Measured(Observation.FundalHeight, "fundalHeight", "宫高", "fundal height", "cm", 5, 50),
        Measured(Observation.FetusCount, "fetusCount", "胎儿数", "number of fetuses", "count", 1, 8, wholeNumber: true),
        Measured(Observation.PulmonaryArteryPressure, "pulmonaryArteryPressure", "肺动脉收缩压（超声估测）", "pulmonary artery systolic pressure (echo)", "mmHg", 5, 200),
        Measured(Observation.EjectionFraction, "ejectionFraction", "左室射血分数", "left ventricular ejection fraction", "%", 5, 90),
        Measured(Observation.NyhaClass, "nyhaClass", "心功能分级（NYHA）", "NYHA functional class", "class", 1, 4, wholeNumber: true),
        Measured(Observation.CreatinineToUln, "creatinineToUln", "血肌酐/正常值上限", "serum creatinine as a multiple of the upper limit of normal", "xULN", 0.1m, 20),
        Measured(Observation.Spo2, "spo2", "血氧饱和度", "oxygen saturation", "%", 50, 100),
        Measured(Observation.MitralValveArea, "mitralValveArea", "二尖瓣瓣口面积", "mitral valve area", "cm2", 0.2m, 8),
        Measured(Observation.AorticGradient, "aorticGradient", "主动脉瓣跨瓣压差（峰值）", "aortic valve peak gradient", "mmHg", 0, 200),
        Measured(Observation.AorticDiameter, "aorticDiameter", "主动脉直径", "aortic diameter", "mm", 10, 100),
        Measured(Observation.PrednisoneMgPerDay, "prednisoneMgPerDay", "泼尼松等效剂量", "prednisone-equivalent dose", "mg/day", 0, 200),
        Measured(Observation.UrineMlPerDay, "urineMlPerDay", "24小时尿量", "urine output", "mL/day", 0, 20000),
        Measured(Observation.Temperature, "temperature", "体温", "body temperature", "°C", 30, 45),
        Measured(Observation.Alt, "alt", "谷丙转氨酶", "alanine aminotransferase", "U/L", 0, 5000),
        Measured(Observation.FibroidCm, "fibroidCm", "子宫肌瘤或卵巢囊肿最大径", "largest fibroid or ovarian cyst diameter", "cm", 0, 50),

        Derived(Observation.AgeYears, "ageYears", "年龄（周岁）", "age in completed years", "years", 10, 70),
        Derived(Observation.Bmi, "bmi", "体重指数", "body-mass index", "kg/m2", 10, 80, wholeNumber: false),
        Derived(Observation.GestationalWeeks, "gestationalWeeks", "孕周（足周）", "gestational age in completed weeks", "weeks", 0, 45),
        Derived(Observation.MonthsSinceUterineSurgery, "monthsSinceUterineSurgery", "末次子宫手术距末次月经月数", "completed months from the last uterine operation to the LMP", "months", -12, 600),
        Derived(Observation.Abortions, "abortions", "流产次数（各类）", "abortions of all kinds", "count", 0, 30),
        Derived(Observation.UterineOperations, "uterineOperations", "子宫手术次数（含剖宫产）", "uterine operations including caesareans", "count", 0, 20),
    ];

    private static readonly FrozenDictionary<string, Observation> ByApiName =
        Vocabulary.ToFrozenDictionary(o => o.ApiName, o => o.Observation, StringComparer.Ordinal);

    /// <summary>
    /// Number of observations; values are indexed 0..Count-1 by <c>(int)observation</c>. A constant (the last enum
    /// member + 1) so that the engine's per-observation table has a fixed size; a test checks it against the enum.
    /// </summary>
    public const int Count = (int)Observation.UterineOperations + 1;

    public static IReadOnlyList<ObservationInfo> All { get; } = Array.AsReadOnly(Vocabulary);

    public static ObservationInfo Info(this Observation observation) => Vocabulary[(int)observation];

    public static string ToApiName(this Observation observation) => Vocabulary[(int)observation].ApiName;

    /// <summary>Looks up an API name ("hemoglobin"); names are case-sensitive, as the API spells them.</summary>
    public static bool TryParse(string apiName, out Observation observation) =>
        ByApiName.TryGetValue(apiName, out observation);

    private static ObservationInfo Measured(Observation o, string api, string zh, string en, string unit, decimal min, decimal max, bool wholeNumber = false) =>
        new(o, api, zh, en, unit, min, max, ObservationSource.Measured, wholeNumber);

    // Derived values are counted in whole units (completed years, weeks, months) except BMI.
    private static ObservationInfo Derived(Observation o, string api, string zh, string en, string unit, decimal min, decimal max, bool wholeNumber = true) =>
        new(o, api, zh, en, unit, min, max, ObservationSource.Derived, wholeNumber);
}
