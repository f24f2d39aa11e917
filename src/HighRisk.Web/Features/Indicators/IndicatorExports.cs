using HighRisk.Infrastructure.Web;

namespace HighRisk.Features.Indicators;

/// <summary>The indicators of a month as an .xlsx workbook: a line per county, then the total, under Chinese headings.</summary>
public static class IndicatorExports
{
    /// <summary>Chinese column headings, in order: for each proportion its denominator, numerator and rate, and what is counted apart.</summary>
    public static readonly string[] Headings =
    [
        "地区", "区划代码",
        "橙色红色专案数（报告已到期）", "及时报告数", "及时报告率（%）", "报告尚在时限内",
        "专案数（计划已到期）", "及时制定管理计划数", "管理计划及时率（%）", "管理计划尚在时限内",
        "红色专案数", "在三级机构评估数", "红色三级机构评估率（%）",
        "橙色红色孕产妇分娩数（已记录分娩机构）", "分娩机构符合要求数", "分娩机构符合率（%）", "未记录分娩机构数",
        "新增失访人数", "危重孕产妇例数", "孕产妇死亡数",
        "已发送短信提醒数", "提醒已满7天数", "7天内就诊或随访数", "提醒后7天内就诊率（%）", "提醒未满7天数",
    ];

    public static byte[] Workbook(GetIndicators.Response indicators)
    {
        var rows = indicators.Total is { } total ? [.. indicators.Rows, total with { Name = "合计" }] : indicators.Rows;
        return Spreadsheet.Workbook(
            "专案管理指标", $"专案管理指标 {indicators.Name ?? indicators.Division} {indicators.Month}", Headings, rows.Select(Cells),
            [16, .. Enumerable.Repeat(12.0, Headings.Length - 1)]);
    }

    /// <summary>The cells of a row under <see cref="Headings"/>; a rate without a denominator is left empty.</summary>
    private static object?[] Cells(IndicatorRow row) =>
    [
        row.Name, row.DivisionCode,
        .. Proportion(row.ReportedInTime), row.ReportsStillDue,
        .. Proportion(row.PlannedInTime), row.PlansStillDue,
        .. Proportion(row.RedAssessedAtLevel),
        .. Proportion(row.DeliveredAtLevel), row.DeliveriesNotRecorded,
        row.LostToFollowUp, row.NearMisses, row.MaternalDeaths,
        row.RemindersSent, .. Proportion(row.VisitedAfterReminder), row.RemindersWithinWeek,
    ];

    private static object?[] Proportion(Proportion p) => [p.Denominator, p.Numerator, p.Percent];
}
