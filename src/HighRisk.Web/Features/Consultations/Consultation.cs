using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Localization;
using HighRisk.Rules;

namespace HighRisk.Features.Consultations;

public enum ConsultationStatus
{
    /// <summary>Asked, waiting for an expert of the pool to take it.</summary>
    Open,

    /// <summary>An expert has taken it; only she answers it.</summary>
    Taken,

    Answered,
}

/// <summary>
/// 会诊: a clinician's question about one woman to an expert pool of a specialty; an expert of the pool takes it and
/// answers, within the policy's hours of the question (24小时咨询指导). The answer, and the colour the expert raised her
/// to if she did, stay on the woman's record. Late and unanswered, it is escalated once (<see cref="Review"/>). This
/// class is the only writer of its state; each step is guarded, and a step the state does not allow is a 409 naming it.
/// </summary>
public sealed class Consultation
{
    public Guid Id { get; init; }

    public Guid PregnancyId { get; init; }

    /// <summary>Her residence (12 or 9 digits), copied from the pregnancy: the consultation is seen by whoever sees her.</summary>
    public required string DivisionCode { get; init; }

    public required string TownshipCode { get; init; }

    /// <summary>Her booking facility (a health worker sees the women booked at her facility).</summary>
    public required string FacilityCode { get; init; }

    public Guid PoolId { get; init; }

    public Specialty Specialty { get; init; }

    public required string Question { get; init; }

    public Guid AskedById { get; init; }

    /// <summary>The asker's name as her account showed it when she asked.</summary>
    public required string AskedBy { get; init; }

    public DateTimeOffset AskedAt { get; init; }

    public DateTimeOffset AnswerDue { get; init; }

    public ConsultationStatus Status { get; private set; }

    public Guid? TakenById { get; private set; }

    public string? TakenBy { get; private set; }

    public DateTimeOffset? TakenAt { get; private set; }

    public string? AnswerText { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The colour the expert raised her to with her answer (the pregnancy keeps the raise itself).</summary>
    public RiskColour? RaisedTo { get; private set; }

    public string? RaiseReason { get; private set; }

    /// <summary>Past its due time and not answered (decided by <see cref="Review"/>).</summary>
    public bool Late { get; private set; }

    /// <summary>When the pool's MCH contact and the asker were told it is late (once).</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>When the review job must look at it (its due time while unanswered and not yet late); null: only a command changes it.</summary>
    public DateTimeOffset? ReviewAt { get; private set; }

    public bool AnsweredLate => AnsweredAt > AnswerDue;

    /// <summary>
    /// Whether the answer came within its time (24 hours): answered by <see cref="AnswerDue"/> (true); answered after it, or
    /// unanswered past it (false); unanswered and still within it (null). The indicators read it.
    /// </summary>
    public bool? AnsweredInTime(DateTimeOffset now) => AnsweredAt is { } at ? at <= AnswerDue : now > AnswerDue ? false : null;

    /// <summary>A question about a woman whose episode is still managed, to a pool that answers for her division.</summary>
    public static Consultation Ask(Guid id, Pregnancy pregnancy, ExpertPool pool, string question, (Guid Id, string Name) askedBy, ConsultationPolicy policy, DateTimeOffset now)
    {
        if (!pregnancy.IsManaged)
        {
            throw new ConflictException(Messages.ConsultationOnClosedPregnancy);
        }

        if (!pool.Covers(pregnancy.DivisionCode))
        {
            throw new InvalidOperationException($"Pool {pool.Id} does not answer for {pregnancy.DivisionCode}.");
        }

        var due = now + policy.AnswerWithin;
        return new Consultation
        {
            Id = id,
            PregnancyId = pregnancy.Id,
            DivisionCode = pregnancy.DivisionCode,
            TownshipCode = pregnancy.TownshipCode,
            FacilityCode = pregnancy.FacilityCode,
            PoolId = pool.Id,
            Specialty = pool.Specialty,
            Question = question,
            AskedById = askedBy.Id,
            AskedBy = askedBy.Name,
            AskedAt = now,
            AnswerDue = due,
            Status = ConsultationStatus.Open,
            ReviewAt = due,
        };
    }

    /// <summary>An expert of the pool takes the question; from then on only she answers it.</summary>
    public void Take((Guid Id, string Name) by, ExpertPool pool, DateTimeOffset now)
    {
        EnsureMember(by.Id, pool);
        switch (Status)
        {
            case ConsultationStatus.Taken:
                throw Conflict(Messages.ConsultationAlreadyTaken, ("By", TakenBy));
            case ConsultationStatus.Answered:
                throw Conflict(Messages.ConsultationAlreadyAnswered);
        }

        Status = ConsultationStatus.Taken;
        TakenById = by.Id;
        TakenBy = by.Name;
        TakenAt = now;
    }

    /// <summary>The expert who took it answers; a raise of her colour with it is recorded here and made on the pregnancy by the caller.</summary>
    public void Answer(Guid by, ExpertPool pool, string answer, (RiskColour Colour, string Reason)? raise, DateTimeOffset now)
    {
        if (TakenById != by)
        {
            EnsureMember(by, pool);
        }

        switch (Status)
        {
            case ConsultationStatus.Open:
                throw Conflict(Messages.ConsultationNotTaken);
            case ConsultationStatus.Answered:
                throw Conflict(Messages.ConsultationAlreadyAnswered);
            case ConsultationStatus.Taken when TakenById != by:
                throw Conflict(Messages.ConsultationTakenByAnother, ("By", TakenBy));
        }

        Status = ConsultationStatus.Answered;
        AnswerText = answer;
        AnsweredAt = now;
        RaisedTo = raise?.Colour;
        RaiseReason = raise?.Reason;
        Late = false;
        ReviewAt = null;
    }

    /// <summary>
    /// The late flag, decided here and only here: unanswered at or past its due time. Sets when it can next change.
    /// </summary>
    /// <returns>True when it has just become late and nobody was told yet: the pool's MCH contact and the asker must be.</returns>
    public bool Review(DateTimeOffset now)
    {
        Late = Status != ConsultationStatus.Answered && now >= AnswerDue;
        ReviewAt = Status != ConsultationStatus.Answered && !Late ? AnswerDue : null;
        if (!Late || EscalatedAt is not null)
        {
            return false;
        }

        EscalatedAt = now;
        return true;
    }

    private static void EnsureMember(Guid by, ExpertPool pool)
    {
        if (!pool.HasMember(by))
        {
            throw new ForbiddenException(Messages.ConsultationPoolMembersOnly);
        }
    }

    /// <summary>A 409 whose problem details name the state (<c>state</c>) beside the message's code.</summary>
    private ConflictException Conflict(Message message, params (string Name, object? Value)[] values) =>
        new(message, [.. values, ("State", ConsultationState.NameOf(Status))])
        {
            Extensions = new Dictionary<string, object?> { ["state"] = ConsultationState.NameOf(Status) },
        };
}
