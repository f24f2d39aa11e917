namespace HighRisk.Rules;

/// <summary>
/// Everything the engine grades: the booking record, every exam so far and any manual raises. The host builds it from
/// its database; the engine never reads anything else.
/// </summary>
/// <param name="BirthDate">Age is computed from it on the assessment date.</param>
/// <param name="AgeYears">Used only when there is no birth date: the age as recorded, not aged forward.</param>
/// <param name="Lmp">First day of the last menstrual period (or EDD − 280 after redating).</param>
/// <param name="GestationalWeeks">
/// Used only when there is no LMP: completed weeks on the booking date (or on the assessment date when there is no
/// booking date); the engine dates the pregnancy from it.
/// </param>
/// <param name="HeightCm">Booking height; BMI falls back to the earliest exam that recorded a height.</param>
/// <param name="WeightKg">Booking (pre-pregnancy) weight; BMI falls back to the earliest exam before 14+0 weeks that recorded a weight.</param>
/// <param name="BookingFindings">Factor or qualifier ids coded at booking.</param>
/// <param name="BookedBy">Who booked; named as the coder of booking findings and history flags.</param>
/// <param name="Exams">In any order; the engine orders them by date, ties in list order.</param>
/// <param name="DeliveryDate">
/// The birth, when there has been one: from that date on there is no gestational age, so a postpartum exam's values are
/// not read as if she were still pregnant (a fasting glucose after the birth is not gestational diabetes).
/// </param>
public sealed record CaseFacts(
    DateOnly? BirthDate,
    int? AgeYears,
    DateOnly? Lmp,
    int? GestationalWeeks,
    decimal? HeightCm,
    decimal? WeightKg,
    BookingHistory History,
    IReadOnlyList<string> BookingFindings,
    string? BookedBy,
    DateOnly? BookingDate,
    IReadOnlyList<ExamFacts> Exams,
    IReadOnlyList<ManualRaise> Raises,
    DateOnly? DeliveryDate = null);

/// <summary>Obstetric history taken at booking. Counts feed derived observations; flags are persistent coded findings.</summary>
/// <param name="Abortions">All kinds (spontaneous and induced).</param>
/// <param name="Cesareans">Previous caesarean sections.</param>
/// <param name="UterineSurgeries">Other uterine operations (myomectomy, cornual pregnancy, perforation repair…).</param>
/// <param name="LastUterineSurgery">Date of the most recent uterine operation of any kind, caesareans included.</param>
/// <param name="Flags">Factor ids such as y_art, y_pelvic_surgery, y_adverse_ob_hx.</param>
public sealed record BookingHistory(
    int Gravidity,
    int Parity,
    int Abortions,
    int Cesareans,
    int UterineSurgeries,
    DateOnly? LastUterineSurgery,
    IReadOnlyList<string> Flags)
{
    public static BookingHistory None { get; } = new(0, 0, 0, 0, 0, null, []);
}

/// <summary>One antenatal exam: what was measured, what the examiner coded, and which earlier findings they resolved.</summary>
public sealed record ExamFacts(
    string ExamId,
    DateOnly Date,
    string? Examiner,
    IReadOnlyList<Measurement> Measurements,
    IReadOnlyList<string> Findings,
    IReadOnlyList<ResolvedFinding> Resolved);

public sealed record Measurement(Observation Observation, decimal Value);

/// <summary>A finding (or manual raise) the examiner declares resolved, with the reason recorded for audit.</summary>
public sealed record ResolvedFinding(string Id, string Reason);

/// <summary>
/// "No silent downgrade": a clinician raises the colour by hand. It holds until an exam dated after the raise resolves
/// it by <paramref name="Id"/>. A green raise raises nothing and is ignored.
/// </summary>
public sealed record ManualRaise(string Id, RiskColour Colour, string Reason, string By, DateOnly Date);
