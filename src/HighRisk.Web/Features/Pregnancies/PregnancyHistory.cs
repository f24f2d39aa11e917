namespace HighRisk.Features.Pregnancies;

/// <summary>
/// Booking history (孕产史). <see cref="UterineSurgeries"/> counts uterine operations other than caesareans
/// (myomectomy, cornual pregnancy repair, …); the total number of uterine operations is the sum of both.
/// <see cref="Flags"/> are risk-catalogue factor ids of past history (for example y_art, y_pelvic_surgery).
/// </summary>
public sealed record PregnancyHistory
{
    public int Gravidity { get; init; } = 1;

    public int Parity { get; init; }

    public int Abortions { get; init; }

    public int Cesareans { get; init; }

    public int UterineSurgeries { get; init; }

    public DateOnly? LastUterineSurgery { get; init; }

    public IReadOnlyList<string> Flags { get; init; } = [];
}
