namespace HighRisk.Rules.Tests.Builders;

/// <summary>
/// Builds case facts for a healthy 30-year-old (green) and lets a test change only what it is about:
/// <c>ACase.BornOn(d).WithLmp(d).WithExam(e => e.On(d).Hb(55)).AssessOn(d)</c>.
/// </summary>
public sealed class ACase
{
    public static readonly DateOnly DefaultLmp = new(2025, 1, 6);
    public static readonly DateOnly DefaultBooking = new(2025, 2, 17);

    private readonly List<AnExam> exams = [];
    private readonly List<string> bookingFindings = [];
    private readonly List<string> historyFlags = [];
    private readonly List<ManualRaise> raises = [];
    private DateOnly? birthDate = new(1995, 6, 15);
    private int? ageYears;
    private DateOnly? lmp = DefaultLmp;
    private int? gestationalWeeks;
    private decimal? heightCm = 160m;
    private decimal? weightKg = 55m;
    private int abortions;
    private int cesareans;
    private int uterineSurgeries;
    private DateOnly? lastUterineSurgery;
    private string? bookedBy = "Dr Li";
    private DateOnly? bookingDate = DefaultBooking;
    private DateOnly? deliveryDate;

    private ACase()
    {
    }

    public static ACase Healthy() => new();

    public static ACase BornOn(DateOnly date) => new ACase { birthDate = date };

    public static ACase AgedAtBooking(int years) => new ACase { birthDate = null, ageYears = years };

    public ACase WithLmp(DateOnly? date)
    {
        lmp = date;
        return this;
    }

    public ACase AtWeeksOnBooking(int weeks)
    {
        lmp = null;
        gestationalWeeks = weeks;
        return this;
    }

    public ACase WithHeightAndWeight(decimal? height, decimal? weight)
    {
        heightCm = height;
        weightKg = weight;
        return this;
    }

    public ACase BookedOn(DateOnly? date, string? by = "Dr Li")
    {
        bookingDate = date;
        bookedBy = by;
        return this;
    }

    public ACase WithAbortions(int count)
    {
        abortions = count;
        return this;
    }

    public ACase WithUterineOperations(int caesareans, int others = 0, DateOnly? last = null)
    {
        cesareans = caesareans;
        uterineSurgeries = others;
        lastUterineSurgery = last;
        return this;
    }

    public ACase WithHistoryFlag(params string[] ids)
    {
        historyFlags.AddRange(ids);
        return this;
    }

    public ACase WithBookingFinding(params string[] ids)
    {
        bookingFindings.AddRange(ids);
        return this;
    }

    /// <summary>Adds an exam dated by the builder (default: the booking date plus one week per exam already added).</summary>
    public ACase WithExam(Func<AnExam, AnExam> exam)
    {
        exams.Add(exam(new AnExam(DefaultBooking.AddDays(7 * (exams.Count + 1)))));
        return this;
    }

    public ACase WithRaise(string id, RiskColour colour, DateOnly date, string by = "Dr Zhao", string reason = "clinical concern")
    {
        raises.Add(new ManualRaise(id, colour, reason, by, date));
        return this;
    }

    public ACase DeliveredOn(DateOnly date)
    {
        deliveryDate = date;
        return this;
    }

    public CaseFacts Build() => new(
        birthDate,
        ageYears,
        lmp,
        gestationalWeeks,
        heightCm,
        weightKg,
        new BookingHistory(abortions + 1, 0, abortions, cesareans, uterineSurgeries, lastUterineSurgery, [.. historyFlags]),
        [.. bookingFindings],
        bookedBy,
        bookingDate,
        [.. exams.Select((e, i) => e.Build(i))],
        [.. raises],
        deliveryDate);

    /// <summary>Grades on the given date.</summary>
    public RiskAssessment AssessOn(DateOnly date) => Catalogues.Engine.Assess(Build(), date);

    /// <summary>Grades on the date of the latest exam, or the booking date when there is none.</summary>
    public RiskAssessment Assess() =>
        AssessOn(exams.Count == 0 ? bookingDate ?? DefaultBooking : exams.Max(e => e.Date));
}
