namespace HighRisk.Features.Audit;

public enum AuditAction
{
    Read,
    List,
    Create,
    Update,
    Export,
    SignIn,
    SignInFailed,
}

/// <summary>
/// One access to personal data or one change: who, when, what, from where. Append-only: the database refuses
/// updates and deletes (only the retention purge may delete, see docs/operations.md).
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; private set; }

    public DateTimeOffset At { get; init; }

    public required string UserName { get; init; }

    public string? Role { get; init; }

    public AuditAction Action { get; init; }

    /// <summary>pregnancy, exam, user, overdueList… and the operation (for example "RecordExam").</summary>
    public required string Entity { get; init; }

    public string? EntityId { get; init; }

    public string? RemoteAddress { get; init; }

    /// <summary>Filters of a list or export, never personal data.</summary>
    public string? Detail { get; init; }

    /// <summary>The referral through which a facility outside her area read or added to her record.</summary>
    public Guid? ReferralId { get; init; }
}

/// <summary>What a command or query leaves in the audit trail.</summary>
public sealed record AuditEntry(AuditAction Action, string Entity, string? EntityId, string? Detail = null);

/// <summary>Implemented by every message that touches a woman's record or changes anything.</summary>
public interface IAudited<in TResponse>
{
    /// <summary>The entry to write, or null when this particular call touched no one's data.</summary>
    AuditEntry? Audit(TResponse response);
}
