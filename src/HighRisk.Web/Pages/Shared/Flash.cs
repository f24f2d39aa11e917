using HighRisk.Localization;

namespace HighRisk.Pages;

/// <summary>The confirmations a post leaves for the next page (kept in TempData as a key, rendered by the layout).</summary>
public static class Flash
{
    public const string Key = "flash";
    public const string Booked = "booked";
    public const string ExamSaved = "exam";
    public const string FollowUpSaved = "follow-up";
    public const string Closed = "closed";
    public const string AlertAcknowledged = "alert";

    public static Text? Of(object? key) => key switch
    {
        Booked => Texts.PregnancyBooked,
        ExamSaved => Texts.ExamSaved,
        FollowUpSaved => Texts.FollowUpSaved,
        Closed => Texts.PregnancyClosed,
        AlertAcknowledged => Texts.AlertAcknowledged,
        _ => null,
    };
}
