using System.Globalization;
using HighRisk.Features.FollowUps;

namespace HighRisk.Features.Overdue;

/// <summary>
/// The overdue and lost rules of the follow-up policy as SQL over a pregnancy row, for the daily job's set-based
/// update: the state on the business date <c>@date</c>, and the next date on which that state would change if nothing
/// else happened (the row's review date). The policy's day counts are integers from seeds/, written into the text.
/// </summary>
public sealed class FollowUpStateSql
{
    public FollowUpStateSql(FollowUpPolicy policy)
    {
        var g = policy.GraceDays;
        var lost = policy.LostToFollowUp;
        var colourGrace = Text($"CASE grade WHEN 'Red' THEN {g["red"]} WHEN 'Orange' THEN {g["orange"]} WHEN 'Yellow' THEN {g["yellow"]} ELSE {g["green"]} END");
        var grace = Text($"CASE WHEN next_due_kind = 'RedContact' THEN {policy.NewlyRedGraceDays} WHEN purple THEN least({colourGrace}, {g["purple"]}) ELSE {colourGrace} END");
        var failedApart = Text($"failed_attempts >= {lost.FailedAttempts} AND last_failed_attempt - first_failed_attempt >= {lost.FailedAttemptsApartDays}");
        var notReachedSinceDue = "(last_contact_date IS NULL OR last_contact_date < next_due_date)";

        // Overdue once the date is past the due date plus the colour's grace (none for the 24-hour contact of a woman newly
        // red: the 24 hours are the grace); lost after 28 days with no reached contact since the due date (a woman seen
        // every week whose referral outcome is late is overdue, not lost), two failed attempts 14 days apart, or a move
        // with no receiving facility.
        State = Text($"""
            CASE
                WHEN next_due_date IS NULL THEN 'None'
                WHEN moved_away_on IS NOT NULL THEN 'Lost'
                WHEN @date - next_due_date >= {lost.OverdueDays} AND {notReachedSinceDue} THEN 'Lost'
                WHEN {failedApart} THEN 'Lost'
                WHEN @date > next_due_date + {grace} THEN 'Overdue'
                ELSE 'OnTrack'
            END
            """);

        // The first date after @date on which State gives another answer: overdue the day after the grace, lost on day 28
        // unless she was reached since the due date; never by itself once lost.
        ReviewOn = Text($"""
            CASE
                WHEN next_due_date IS NULL OR moved_away_on IS NOT NULL OR {failedApart} THEN NULL
                WHEN {notReachedSinceDue} THEN CASE
                    WHEN @date - next_due_date >= {lost.OverdueDays} THEN NULL
                    WHEN @date > next_due_date + {grace} THEN next_due_date + {lost.OverdueDays}
                    ELSE least(next_due_date + {grace} + 1, next_due_date + {lost.OverdueDays})
                END
                WHEN @date > next_due_date + {grace} THEN NULL
                ELSE next_due_date + {grace} + 1
            END
            """);
    }

    /// <summary>The women the schedule applies to: open, or delivered with a postpartum visit or the 42-day check due.</summary>
    public const string InScope = "(status = 'Open' OR (outcome = 'Delivery' AND next_due_date IS NOT NULL))";

    public string State { get; }

    public string ReviewOn { get; }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
