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
/// One woman on the overdue lists of a run of business days, as she stood at 07:00 on the first of them: a list is the
/// spells of its township that cover its date. The daily job closes a spell when she leaves the list or anything shown
/// about her changes, and opens a new one, so a day's list is stored once and read back as it was, while the job writes
/// only the day's changes instead of every entry again. Read township by township, each sorted red → orange → purple →
/// yellow → green (<see cref="Urgency"/>), then by days overdue, then by pregnancy id. Her name and mobile are not copied (they are read from her record): a corrected number reaches
/// the list at once, and the lists do not multiply copies of personal data.
/// </summary>
public sealed class OverdueSpell
{
    public long Id { get; init; }

    public Guid PregnancyId { get; init; }

    public required string TownshipCode { get; init; }

    public required string VillageCode { get; init; }

    public required string FacilityCode { get; init; }

    public RiskColour Colour { get; init; }

    public bool Purple { get; init; }

    /// <summary>
    /// Her place in the list's order: 0 red, 1 orange, 2 purple, 3 yellow, 4 green. Computed by PostgreSQL from colour and
    /// purple (a stored generated column), so that a list is read and paged in the order of its index.
    /// </summary>
    public int Urgency { get; private set; }

    /// <summary>Her last menstrual period: the gestational week is counted to each list's date.</summary>
    public DateOnly Lmp { get; init; }

    /// <summary>The birth, for a woman followed up after her delivery (产后N天 is counted to each list's date); null before it.</summary>
    public DateOnly? DeliveredOn { get; init; }

    public DateOnly DueDate { get; init; }

    public DueKind DueKind { get; init; }

    public FollowUpState State { get; init; }

    public DateOnly? LastContactDate { get; init; }

    public int FailedAttempts { get; init; }

    public required string HealthWorker { get; init; }

    /// <summary>The first business date whose list shows her like this.</summary>
    public DateOnly FromDate { get; init; }

    /// <summary>The first business date whose list no longer does (<see cref="DateOnly.MaxValue"/> while open).</summary>
    public DateOnly UntilDate { get; init; }
}

/// <summary>One run of the daily overdue job for a business date: it is done once, and a second run finds it done.</summary>
public sealed class DailyOverdueRun
{
    public DateOnly BusinessDate { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset CompletedAt { get; set; }

    /// <summary>Women whose overdue or lost state the run changed.</summary>
    public int StatesChanged { get; set; }

    /// <summary>Pregnancy rows the run rewrote: the women whose review date had come (on a full run, every woman whose state or review date differed).</summary>
    public int StatesReviewed { get; set; }

    /// <summary>Spells the run opened and closed: the day's changes to the lists.</summary>
    public int SpellsOpened { get; set; }

    public int SpellsClosed { get; set; }

    /// <summary>The follow-up policy's fingerprint the run worked under (see <see cref="FollowUps.FollowUpPolicy.Fingerprint"/>).</summary>
    public string? PolicyFingerprint { get; set; }

    public int Lists { get; set; }

    /// <summary>Women on the day's lists.</summary>
    public int Entries { get; set; }

    public int SmsQueued { get; set; }

    public int MailQueued { get; set; }
}
