namespace HighRisk.Features.Transfers;

/// <summary>
/// A transfer as the inboxes and its answer show it. The woman's name is shown to whoever sees her record, and to the
/// receiving side of a transfer out; never to the side that asked for her before the holder accepts. Her record's id
/// only to those who can open it now.
/// </summary>
public sealed record TransferView(
    Guid Id, Guid? PregnancyId, TransferKind Kind, TransferStatus Status, string FromDivisionCode, string? FromTownshipName, string ToDivisionCode,
    string? ToTownshipName, string Reason, string RequestedBy, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, string? DecidedBy, string? DeclineReason,
    bool Late, string? FullName, string? ResidentIdMasked, bool CanDecide)
{
    public static TransferView Of(Transfer t, (string FullName, string ResidentIdMasked)? woman, IReadOnlyDictionary<string, string> names, bool canDecide, bool seesHer,
        bool opensRecord) => new(
        t.Id, opensRecord ? t.PregnancyId : null, t.Kind, t.Status, t.FromDivisionCode, names.GetValueOrDefault(t.FromDivisionCode[..9]), t.ToDivisionCode,
        names.GetValueOrDefault(t.ToTownshipCode), t.Reason, t.RequestedBy, t.RequestedAt, t.DecidedAt, t.DecidedBy, t.DeclineReason, t.Late,
        seesHer ? woman?.FullName : null, woman?.ResidentIdMasked, canDecide);

    /// <summary>Whether this reader may know who she is: her record is theirs, or the holder sent her to them, or they got her.</summary>
    public static bool SeesHer(Transfer t, bool seesRecord) => seesRecord || t.Kind == TransferKind.Out || t.Status == TransferStatus.Accepted;
}
