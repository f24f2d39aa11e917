using BenchmarkDotNet.Attributes;
using HighRisk.Rules;

namespace HighRisk.Benchmarks;

/// <summary>
/// One grade of a realistic busy case: 10 exams of 8 measurements each and 5 coded findings, against the real
/// catalogue. The target is 1,000,000 assessments per second per core (docs/benchmarks.md). The facts use List&lt;T&gt;,
/// as the web host builds them.
/// </summary>
[MemoryDiagnoser]
public class RiskEngineBenchmarks
{
    private RiskEngine engine = null!;
    private CaseFacts busy = null!;
    private CaseFacts healthy = null!;
    private DateOnly assessmentDate;

    [GlobalSetup]
    public void SetUp()
    {
        using var stream = typeof(RiskEngineBenchmarks).Assembly.GetManifestResourceStream("cn-2017.json")
            ?? throw new InvalidOperationException("The catalogue is not embedded.");
        using var reader = new StreamReader(stream);
        engine = new RiskEngine(RiskCatalogue.Parse(reader.ReadToEnd(), "cn-2017.json"));

        var lmp = new DateOnly(2025, 1, 6);
        var booking = new DateOnly(2025, 2, 17);
        var exams = new List<ExamFacts>();
        for (var i = 0; i < 10; i++)
        {
            exams.Add(new ExamFacts(
                $"exam-{i + 1}",
                booking.AddDays(14 * i),
                "Dr Wang",
                new List<Measurement>
                {
                    new Measurement(Observation.SystolicBp, 128 + (2 * i)),
                    new Measurement(Observation.DiastolicBp, 78 + i),
                    new Measurement(Observation.WeightKg, 58 + (0.8m * i)),
                    new Measurement(Observation.Hemoglobin, 112 - (1.5m * i)),
                    new Measurement(Observation.Platelets, 210 - (6 * i)),
                    new Measurement(Observation.UrineProtein, i == 9 ? 0.5m : 0m),
                    new Measurement(Observation.FetalHeartRate, 140 + (i % 3)),
                    new Measurement(Observation.FundalHeight, 12 + (2 * i)),
                },
                i switch
                {
                    2 => new List<string> { "o_asthma" },
                    5 => new List<string> { "y_icp" },
                    7 => new List<string> { "y_low_lying_placenta" },
                    _ => [],
                },
                []));
        }

        busy = new CaseFacts(
            new DateOnly(1989, 4, 12),
            null,
            lmp,
            null,
            158m,
            61m,
            new BookingHistory(2, 1, 0, 1, 0, new DateOnly(2021, 9, 1), []),
            new List<string> { "y_art", "y_hbv_carrier" },
            "Dr Li",
            booking,
            exams,
            []);
        healthy = busy with
        {
            BirthDate = new DateOnly(1995, 6, 15),
            History = new BookingHistory(1, 0, 0, 0, 0, null, []),
            BookingFindings = [],
            Exams = exams.Select(e => e with { Findings = [], Measurements = e.Measurements.Select(Normal).ToList() }).ToList(),
        };
        assessmentDate = booking.AddDays(14 * 9);
    }

    /// <summary>Ten exams, five coded findings; grades orange + purple with ten active factors.</summary>
    [Benchmark(Baseline = true)]
    public RiskAssessment AssessBusyCase() => engine.Assess(busy, assessmentDate);

    /// <summary>The same exams with nothing to find: the cost of reading a case when no factor is active.</summary>
    [Benchmark]
    public RiskAssessment AssessGreenCase() => engine.Assess(healthy, assessmentDate);

    private static Measurement Normal(Measurement measurement) => measurement.Observation switch
    {
        Observation.SystolicBp => measurement with { Value = 118 },
        Observation.Hemoglobin => measurement with { Value = 125 },
        _ => measurement,
    };
}
