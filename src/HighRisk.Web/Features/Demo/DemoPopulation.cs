using System.Text.Json;
using HighRisk.Features.Exams;
using HighRisk.Features.Pregnancies;
using HighRisk.Rules;

namespace HighRisk.Features.Demo;

/// <summary>
/// Synthetic women for the demo and the benchmarks — never real people. Deterministic for a seed. Their names end in
/// （示例）, their resident ID numbers pass the checksum but use sequence numbers 990–998, and their mobile numbers are
/// 1990000xxxx, so that none can be mistaken for a real record.
/// </summary>
public sealed class DemoPopulation(int seed, DateOnly today)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] GivenNames = ["梅", "芳", "娟", "敏", "静", "丽", "艳", "婷", "雪", "琳", "秀英", "桂英", "晓燕", "春梅", "海燕", "丹丹", "佳怡", "雨欣", "思雨", "欣怡"];

    private readonly Random _random = new(seed);

    public sealed record DemoCase(BookPregnancy.Command Booking, IReadOnlyList<RecordExam.Command> Exams);

    /// <summary>One woman living in <paramref name="villageCode"/>, booked at <paramref name="facilityCode"/>.</summary>
    public DemoCase Next(string villageCode, string facilityCode, string healthWorker)
    {
        var age = Pick(18, 44);
        var birth = today.AddYears(-age).AddDays(-_random.Next(0, 365));
        var weeksToday = Pick(8, 40);
        var lmp = today.AddDays(-(weeksToday * 7) - _random.Next(0, 7));
        var bookingWeeks = Math.Min(weeksToday, Pick(6, 13));
        var cesareans = Chance(0.15) ? 1 : Chance(0.05) ? 2 : 0;
        var abortions = Chance(0.1) ? Pick(1, 4) : 0;
        var parity = cesareans + (Chance(0.4) ? 1 : 0);
        var booking = new BookPregnancy.Command
        {
            FullName = $"{Surnames[_random.Next(Surnames.Length)]}{GivenNames[_random.Next(GivenNames.Length)]}（示例）",
            ResidentId = ResidentIdFor(villageCode[..6], birth),
            Mobile = $"1990000{_random.Next(0, 10000):0000}",
            Lmp = lmp,
            DivisionCode = villageCode,
            Address = $"{Pick(1, 12)}组{Pick(1, 60)}号（示例地址）",
            FacilityCode = facilityCode,
            HealthWorker = healthWorker,
            HeightCm = Pick(148, 172),
            WeightKg = Pick(42, 85),
            History = new PregnancyHistory
            {
                Gravidity = parity + abortions + 1,
                Parity = parity,
                Abortions = abortions,
                Cesareans = cesareans,
                LastUterineSurgery = cesareans > 0 ? lmp.AddMonths(-Pick(12, 60)) : null,
                Flags = Chance(0.05) ? ["y_art"] : [],
            },
            Findings = Chance(0.03) ? ["p_infectious"] : [],
            BookingDate = lmp.AddDays(bookingWeeks * 7),
            ConfirmedNotDuplicate = true, // generated people share names and numbers by chance, never identities
        };

        var exams = new List<RecordExam.Command>();
        for (var weeks = bookingWeeks; weeks <= weeksToday; weeks += weeks < 28 ? 4 : 2)
        {
            var date = lmp.AddDays(weeks * 7);
            if (date > today)
            {
                break;
            }

            exams.Add(ExamOn(date, weeks, facilityCode));
        }

        return new DemoCase(booking, exams);
    }

    private RecordExam.Command ExamOn(DateOnly date, int weeks, string facilityCode)
    {
        var hypertensive = Chance(0.06);
        var measurements = new Dictionary<string, decimal>
        {
            ["systolicBp"] = hypertensive ? Pick(140, 170) : Pick(95, 135),
            ["diastolicBp"] = hypertensive ? Pick(90, 112) : Pick(60, 85),
            ["hemoglobin"] = Chance(0.15) ? Pick(80, 109) : Chance(0.02) ? Pick(50, 60) : Pick(110, 140),
            ["platelets"] = Chance(0.03) ? Pick(40, 100) : Pick(150, 320),
            ["fetalHeartRate"] = weeks >= 12 ? Pick(120, 160) : 0,
            ["fetusCount"] = Chance(0.02) ? 2 : 1,
        };
        if (measurements["fetalHeartRate"] == 0)
        {
            measurements.Remove("fetalHeartRate");
        }

        if (Chance(0.005))
        {
            measurements["pulmonaryArteryPressure"] = Pick(50, 70);
        }

        return new RecordExam.Command
        {
            ExamDate = date,
            FacilityCode = facilityCode,
            Examiner = "示例医生",
            Measurements = measurements.ToDictionary(m => m.Key, m => JsonSerializer.SerializeToElement(m.Value)),
            NextAppointment = date.AddDays(weeks < 28 ? 28 : 14),
        };
    }

    private string ResidentIdFor(string countyCode, DateOnly birth)
    {
        var first17 = $"{countyCode}{birth:yyyyMMdd}99{_random.Next(0, 5) * 2}";
        return first17 + ResidentId.CheckCharacter(first17);
    }

    private int Pick(int min, int max) => _random.Next(min, max + 1);

    private bool Chance(double p) => _random.NextDouble() < p;
}
