using HighRisk.Features.FollowUps;
using HighRisk.Rules;

namespace HighRisk.Features.Overdue;

/// <summary>
/// A township's (sub-district's) overdue list for one business day: a stored snapshot made by the daily job at 07:00,
/// so that everyone works from the same list all day and yesterday's list can be read back as it was.
/// </summary>
public sealed class OverdueList
{
    public Guid Id { get; init; }

    public DateOnly BusinessDate { get; init; }

    public required string TownshipCode { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public int Red { get; init; }

    public int Orange { get; init; }

    public int Purple { get; init; }

    public int Yellow { get; init; }

    public int Green { get; init; }

    public int Lost { get; init; }

    public int Total { get; init; }
}

/// <summary>
/// One woman on a list, sorted red → orange → purple → yellow → green, then by days overdue. Her name and mobile are
/// not copied into the snapshot (they are read from her record): a corrected number reaches the list at once, and
/// the daily lists do not multiply copies of personal data.
/// </summary>
public sealed class OverdueListEntry
{
    public Guid ListId { get; init; }

    public int Rank { get; init; }

    public Guid PregnancyId { get; init; }

    public required string VillageCode { get; init; }

    public required string FacilityCode { get; init; }

    public RiskColour Colour { get; init; }

    public bool Purple { get; init; }

    public int GestationalWeeks { get; init; }

    /// <summary>Days since the birth on the list's date, for a woman followed up after her delivery; null before the birth.</summary>
    public int? PostpartumDay { get; init; }

    public DateOnly DueDate { get; init; }

    public DueKind DueKind { get; init; }

    public int DaysOverdue { get; init; }

    public FollowUpState State { get; init; }

    public DateOnly? LastContactDate { get; init; }

    public int FailedAttempts { get; init; }

    public required string HealthWorker { get; init; }
}

/// <summary>One run of the daily overdue job for a business date: it is done once, and a second run finds it done.</summary>
public sealed class DailyOverdueRun
{
    public DateOnly BusinessDate { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset CompletedAt { get; set; }

    public int StatesChanged { get; set; }

    public int Lists { get; set; }

    public int Entries { get; set; }

    public int SmsQueued { get; set; }

    public int MailQueued { get; set; }
}
