namespace HighRisk.Features.Pregnancies;

/// <summary>
/// Booking history (孕产史). <see cref="UterineSurgeries"/> counts uterine operations other than caesareans
/// (myomectomy, cornual pregnancy repair, …); the total number of uterine operations is the sum of both.
/// <see cref="Flags"/> are risk-catalogue factor ids of past history (for example y_art, y_pelvic_surgery).
/// The defaults are the constructor's: the API's source-generated JSON (ApiJsonContext) builds the record through it, so
/// a booking that leaves a field out gets the default (with init-only defaults it would get 0 and null:
/// dotnet/runtime#84484).
/// </summary>
public sealed record PregnancyHistory(
    int Gravidity = 1, int Parity = 0, int Abortions = 0, int Cesareans = 0, int UterineSurgeries = 0, DateOnly? LastUterineSurgery = null,
    IReadOnlyList<string>? Flags = null)
{
    public IReadOnlyList<string> Flags { get; init; } = Flags ?? [];
}
