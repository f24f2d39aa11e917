namespace HighRisk.Features.Pregnancies;

/// <summary>
/// Booking history (孕产史). <see cref="UterineSurgeries"/> counts uterine operations other than caesareans
/// (myomectomy, cornual pregnancy repair, …); the total number of uterine operations is the sum of both.
/// <see cref="Flags"/> are risk-catalogue factor ids of past history (for example y_art, y_pelvic_surgery).
/// The two properties with a default other than zero are settable, not init-only: the API's source-generated JSON
/// metadata (ApiJsonContext) sets init-only properties through the constructor, which would replace the defaults with
/// 0 and null when a booking leaves them out (dotnet/runtime#84484). Nothing but the deserializer sets them.
/// </summary>
public sealed record PregnancyHistory
{
    public int Gravidity { get; set; } = 1;

    public int Parity { get; init; }

    public int Abortions { get; init; }

    public int Cesareans { get; init; }

    public int UterineSurgeries { get; init; }

    public DateOnly? LastUterineSurgery { get; init; }

    public IReadOnlyList<string> Flags { get; set; } = [];
}
