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
    public const string ReportAcknowledged = "case-report";
    public const string ManagerAssigned = "case-manager";
    public const string PlanSaved = "case-plan";
    public const string PlanSavedMismatch = "case-plan-mismatch";
    public const string CaseClosed = "case-closed";
    public const string NearMissRecorded = "near-miss";
    public const string DeathReportSubmitted = "death-report";
    public const string ConsultationAsked = "consultation-asked";
    public const string ConsultationTaken = "consultation-taken";
    public const string ConsultationAnswered = "consultation-answered";
    public const string ReferralSent = "referral-sent";
    public const string ReferralAccepted = "referral-accepted";
    public const string ReferralDeclined = "referral-declined";
    public const string ArrivalRecorded = "referral-arrived";
    public const string FeedbackSent = "referral-feedback";
    public const string ReferralCancelled = "referral-cancelled";
    public const string TransferSent = "transfer-sent";
    public const string TransferAccepted = "transfer-accepted";
    public const string TransferReleased = "transfer-released";
    public const string TransferDeclined = "transfer-declined";
    public const string TransferRequested = "transfer-requested";
    public const string Merged = "merged";
    public const string MergeUndone = "merge-undone";
    public const string SmsConsentSaved = "sms-consent";

    public static Text? Of(object? key) => key switch
    {
        Booked => Texts.PregnancyBooked,
        ExamSaved => Texts.ExamSaved,
        FollowUpSaved => Texts.FollowUpSaved,
        Closed => Texts.PregnancyClosed,
        AlertAcknowledged => Texts.AlertAcknowledged,
        ReportAcknowledged => Texts.ReportAcknowledged,
        ManagerAssigned => Texts.ManagerAssigned,
        PlanSaved => Texts.PlanSaved,
        PlanSavedMismatch => Texts.PlanSavedMismatch,
        CaseClosed => Texts.CaseClosedFlash,
        NearMissRecorded => Texts.NearMissRecordedFlash,
        DeathReportSubmitted => Texts.DeathReportSubmittedFlash,
        ConsultationAsked => Texts.ConsultationAskedFlash,
        ConsultationTaken => Texts.ConsultationTakenFlash,
        ConsultationAnswered => Texts.ConsultationAnsweredFlash,
        ReferralSent => Texts.ReferralSent,
        ReferralAccepted => Texts.ReferralAccepted,
        ReferralDeclined => Texts.ReferralDeclined,
        ArrivalRecorded => Texts.ArrivalRecorded,
        FeedbackSent => Texts.FeedbackSent,
        ReferralCancelled => Texts.ReferralCancelled,
        TransferSent => Texts.TransferSent,
        TransferAccepted => Texts.TransferAccepted,
        TransferReleased => Texts.TransferReleased,
        TransferDeclined => Texts.TransferDeclined,
        TransferRequested => Texts.TransferRequested,
        Merged => Texts.MergeDone,
        MergeUndone => Texts.MergeUndoneFlash,
        SmsConsentSaved => Texts.SmsConsentSaved,
        _ => null,
    };
}
