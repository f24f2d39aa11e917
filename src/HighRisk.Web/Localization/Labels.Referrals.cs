using HighRisk.Features.Referrals;

namespace HighRisk.Localization;

/// <summary>Labels of two-way referral's values (双向转诊): its states, urgencies and the inbox's status filters.</summary>
public static partial class Labels
{
    public static Text ReferralStatus(ReferralStatus status) => status switch
    {
        Features.Referrals.ReferralStatus.Requested => new("待接收", "Awaiting an answer"),
        Features.Referrals.ReferralStatus.Accepted => new("已接收", "Accepted"),
        Features.Referrals.ReferralStatus.Declined => new("已拒收", "Declined"),
        Features.Referrals.ReferralStatus.Arrived => new("已到达", "Arrived"),
        Features.Referrals.ReferralStatus.Completed => new("已完成", "Completed"),
        _ => new("已撤销", "Cancelled"),
    };

    /// <summary>A state as a 409 names it (<c>declined</c>), in words; the name itself when unknown.</summary>
    public static Text ReferralStatus(string state) =>
        Enum.TryParse<ReferralStatus>(state, ignoreCase: true, out var status) ? ReferralStatus(status) : Text.Same(state);

    public static Text ReferralUrgency(ReferralUrgency urgency) => urgency switch
    {
        Features.Referrals.ReferralUrgency.Emergency => new("急诊（绿色通道）", "Emergency (green channel)"),
        Features.Referrals.ReferralUrgency.Urgent => new("紧急", "Urgent"),
        _ => new("常规", "Routine"),
    };

    /// <summary>The inbox's status filters: <see cref="ListReferrals.Statuses"/> and all.</summary>
    public static Text ReferralFilter(string filter) => filter switch
    {
        "open" => new("进行中", "Open"),
        "late" => new("逾期", "Late"),
        "all" => Texts.Any,
        _ => ReferralStatus(filter),
    };
}
