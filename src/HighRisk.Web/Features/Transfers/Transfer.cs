using System.Text.Json;
using HighRisk.Infrastructure;
using HighRisk.Localization;

namespace HighRisk.Features.Transfers;

public enum TransferStatus
{
    Requested,
    Accepted,
    Declined,
}

/// <summary>Who started it: the township that holds her (转出), or the township she now lives in, which asks for her (申请转入).</summary>
public enum TransferKind
{
    Out,
    Request,
}

/// <summary>
/// 流动孕产妇: a woman moving from one division to another. The side that did not start it accepts or declines: the
/// receiving division for a transfer out, the holding division for a request. Until accepted, the holding township stays
/// responsible; on acceptance her pregnancy moves (<see cref="Pregnancies.Pregnancy.MoveTo"/>). Not accepted in the
/// policy's days, it is escalated once to both counties' MCH contacts (<see cref="Review"/>).
/// </summary>
public sealed class Transfer
{
    public Guid Id { get; init; }

    public Guid PregnancyId { get; init; }

    public TransferKind Kind { get; init; }

    /// <summary>Her residence and booking facility when it was asked: the holding side.</summary>
    public required string FromDivisionCode { get; init; }

    public required string FromFacilityCode { get; init; }

    /// <summary>Where she moves: a township (9 digits) or a village under it (12).</summary>
    public required string ToDivisionCode { get; init; }

    /// <summary>The facility that takes her on, when the request names one (the requesting health worker's).</summary>
    public string? ToFacilityCode { get; init; }

    public required string Reason { get; init; }

    public required string RequestedBy { get; init; }

    public Guid? RequestedById { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public TransferStatus Status { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? DeclineReason { get; private set; }

    /// <summary>When it is escalated if still not accepted (null once decided or escalated).</summary>
    public DateTimeOffset? ReviewAt { get; private set; }

    public DateTimeOffset? EscalatedAt { get; private set; }

    public string ToTownshipCode => ToDivisionCode[..9];

    public static Transfer Start(Transfer draft, int escalateAfterDays) => new()
    {
        Id = draft.Id, PregnancyId = draft.PregnancyId, Kind = draft.Kind, FromDivisionCode = draft.FromDivisionCode, FromFacilityCode = draft.FromFacilityCode,
        ToDivisionCode = draft.ToDivisionCode, ToFacilityCode = draft.ToFacilityCode, Reason = draft.Reason, RequestedBy = draft.RequestedBy,
        RequestedById = draft.RequestedById, RequestedAt = draft.RequestedAt, Status = TransferStatus.Requested,
        ReviewAt = draft.RequestedAt.AddDays(escalateAfterDays),
    };

    public void Accept(string by, DateTimeOffset now)
    {
        EnsureRequested();
        Status = TransferStatus.Accepted;
        Decided(by, now);
    }

    public void Decline(string reason, string by, DateTimeOffset now)
    {
        EnsureRequested();
        Status = TransferStatus.Declined;
        DeclineReason = reason;
        Decided(by, now);
    }

    /// <summary>Still not accepted when its time came: escalated once.</summary>
    /// <returns>True when both counties must be told now.</returns>
    public bool Review(DateTimeOffset now)
    {
        if (Status != TransferStatus.Requested || ReviewAt > now || EscalatedAt is not null)
        {
            return false;
        }

        EscalatedAt = now;
        ReviewAt = null;
        return true;
    }

    /// <summary>Escalated and still waiting: the inboxes flag it.</summary>
    public bool Late => Status == TransferStatus.Requested && EscalatedAt is not null;

    public string StateName => JsonNamingPolicy.CamelCase.ConvertName(Status.ToString());

    private void Decided(string by, DateTimeOffset now)
    {
        DecidedAt = now;
        DecidedBy = by;
        ReviewAt = null;
    }

    private void EnsureRequested()
    {
        if (Status != TransferStatus.Requested)
        {
            throw new ConflictException(Messages.TransferState, ("State", StateName)) { Extensions = new Dictionary<string, object?> { ["state"] = StateName } };
        }
    }
}
