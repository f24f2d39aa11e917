namespace HighRisk.Features.Alerts;

public enum AlertStatus
{
    Open,
    Acknowledged,

    /// <summary>
    /// Not acknowledged within 24 hours, or a message could not be delivered in time: county and city were told; or it
    /// found nobody to tell where she lives and went at once to the nearest level that has a contact.
    /// </summary>
    Escalated,
}

/// <summary>
/// A pregnancy turned red (or, when configured, orange or purple): the people who must act are told by SMS, one
/// outbox message each, written in the same transaction as the grade change. Staff acknowledge it with the action taken.
/// </summary>
public sealed class Alert
{
    public Guid Id { get; init; }

    public Guid PregnancyId { get; init; }

    public Guid GradeChangeId { get; init; }

    /// <summary>red, orange or purple.</summary>
    public required string Colour { get; init; }

    public required string DivisionCode { get; init; }

    public required string TownshipCode { get; init; }

    public required string FacilityCode { get; init; }

    public required string MaskedName { get; init; }

    public int GestationalWeeks { get; init; }

    /// <summary>The leading factor as the SMS names it.</summary>
    public required string Factor { get; init; }

    public AlertStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    public string? ActionTaken { get; private set; }

    public DateTimeOffset? EscalatedAt { get; private set; }

    public string? EscalationReason { get; private set; }

    /// <summary>
    /// Nobody could be told: no health worker's mobile, and no contact up to the province. The administrators see it
    /// on the alerts page, and /health/ready is degraded while such an alert is unacknowledged.
    /// </summary>
    public bool NoRecipient { get; private set; }

    /// <summary>An alert nobody was told about and nobody has acknowledged yet: what /health/ready counts.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Alert, bool>> ReachedNobody = a => a.NoRecipient && a.AcknowledgedAt == null;

    /// <summary>Why an alert that found nobody to tell where she lives went straight to the nearest level with a contact.</summary>
    public const string NoRecipientReason = "noRecipient";

    public void Acknowledge(string by, string action, DateTimeOffset at)
    {
        if (AcknowledgedAt is not null)
        {
            throw new Infrastructure.ConflictException(Localization.Messages.AlertAlreadyAcknowledged, ("By", AcknowledgedBy));
        }

        Status = AlertStatus.Acknowledged;
        AcknowledgedAt = at;
        AcknowledgedBy = by;
        ActionTaken = action;
    }

    /// <summary>
    /// Raised and nobody is there to tell: escalated at once when a level above has a contact
    /// (<paramref name="escalatedTo"/> people), flagged otherwise.
    /// </summary>
    public void FoundNoRecipient(int escalatedTo, DateTimeOffset at)
    {
        if (escalatedTo > 0)
        {
            Escalate(NoRecipientReason, at);
        }
        else
        {
            NoRecipient = true;
        }
    }

    /// <summary>
    /// It reached nobody, and now someone is there: its messages go to them (<paramref name="escalated"/>: to the
    /// escalation contacts, nobody being there where she lives) and the flag clears. False when it is no longer waiting
    /// for anyone (someone was told, or it was acknowledged).
    /// </summary>
    public bool FoundRecipientLater(bool escalated, DateTimeOffset at)
    {
        if (!NoRecipient || AcknowledgedAt is not null)
        {
            return false;
        }

        NoRecipient = false;
        if (escalated)
        {
            Escalate(NoRecipientReason, at);
        }

        return true;
    }

    /// <summary>Escalates once; returns false when it already was (or was acknowledged meanwhile).</summary>
    public bool Escalate(string reason, DateTimeOffset at)
    {
        if (EscalatedAt is not null || (AcknowledgedAt is not null && reason == "unacknowledged"))
        {
            return false;
        }

        if (AcknowledgedAt is null)
        {
            Status = AlertStatus.Escalated;
        }

        EscalatedAt = at;
        EscalationReason = reason;
        return true;
    }
}
