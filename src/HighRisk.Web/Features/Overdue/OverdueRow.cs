using HighRisk.Features.FollowUps;
using HighRisk.Rules;

namespace HighRisk.Features.Overdue;

/// <summary>
/// One line of an overdue list as users read it (JSON, .xlsx, .csv): the name masked, the mobile as the role may see it;
/// <c>TransferPending</c>: she is being transferred to another township (as it stands now), which has not answered yet;
/// <c>LastReminder</c>: the last SMS reminder due to reach her by the list's date and its status (JSON and the page only).
/// </summary>
public sealed record OverdueRow(
    int Rank, Guid PregnancyId, string TownshipCode, string? TownshipName, string VillageCode, string? VillageName, string Name, string Mobile,
    string Colour, bool Purple, int GestationalWeeks, DateOnly DueDate, DueKind DueKind, int DaysOverdue, FollowUpState State,
    DateOnly? LastContactDate, int FailedAttempts, string HealthWorker, int? PostpartumDay, bool TransferPending = false,
    Reminders.LastReminders.LastReminder? LastReminder = null)
{
    /// <summary>Chinese column headings, in order, for the exports.</summary>
    public static readonly string[] Headings =
        ["序号", "姓名", "乡镇/街道", "村/社区", "手机号", "风险等级", "紫色（传染病）", "孕周/产后天数", "应随访日期", "随访事项", "逾期天数", "状态", "末次联系", "未联系上次数", "责任人"];

    public static string ColourZh(string colour) => colour switch
    {
        "red" => "红色（高风险）",
        "orange" => "橙色（较高风险）",
        "yellow" => "黄色（一般风险）",
        _ => "绿色（低风险）",
    };

    public static string DueKindZh(DueKind kind) => kind switch
    {
        DueKind.RedContact => "红色24小时内联系",
        DueKind.PostpartumVisit => "产后访视",
        DueKind.PostpartumCheck42 => "产后42天检查",
        DueKind.ReferralOutcome => "转诊结果",
        _ => "产前随访",
    };

    /// <summary>孕N周 before the birth, 产后N天 after it.</summary>
    public string Stage => PostpartumDay is { } day
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"产后{day}天")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"孕{GestationalWeeks}周");

    public static string StateZh(FollowUpState state) => state == FollowUpState.Lost ? "失访" : "逾期";

    private string StateCell => TransferPending ? StateZh(State) + "（转出待接收）" : StateZh(State);

    /// <summary>The cells of the row under <see cref="Headings"/>.</summary>
    public object[] Cells() =>
    [
        Rank, Name, TownshipName ?? TownshipCode, VillageName ?? VillageCode, Mobile, ColourZh(Colour), Purple ? "是" : "", Stage,
        DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), DueKindZh(DueKind), DaysOverdue, StateCell,
        LastContactDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "", FailedAttempts, HealthWorker,
    ];

    public static RiskColour Parse(string colour) => Risk.GradeNames.TryParse(colour, out var c) ? c : RiskColour.Green;
}
