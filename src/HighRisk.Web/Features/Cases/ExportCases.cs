using System.Globalization;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Cases;

/// <summary>The board as an .xlsx workbook with Chinese headings: every case the filters select, in the board's order.</summary>
public static class ExportCases
{
    /// <summary>More rows than a county's board holds; a city exporting everything gets the first this many, and the title says so.</summary>
    public const int MaxRows = 20_000;

    public sealed record Query(string? Division, string? Colour, string? Status, string? Manager, string? Flag)
        : IQuery<byte[]>, IAudited<byte[]>, ListCases.ICaseFilters
    {
        public AuditEntry Audit(byte[] response) => new(AuditAction.Export, "case", null, $"ExportCases division={Division} colour={Colour} status={Status} flag={Flag}");
    }

    /// <summary>The board's own filter rules.</summary>
    public sealed class Validator : ListCases.CaseFiltersValidator<Query>;

    public static readonly string[] Headings =
    [
        "序号", "姓名", "乡镇（街道）", "颜色", "紫色", "孕周", "预产期", "距预产期（天）", "负责人", "报告状态", "报告时限", "管理计划", "计划距今（天）",
        "机构级别不符", "末次联系", "随访状态", "逾期（天）", "未完成转诊", "专案状态", "开案时间",
    ];

    public sealed class Handler(HighRiskDb db, BusinessClock clock, CurrentUser user, Divisions.DivisionNames divisions) : IQueryHandler<Query, byte[]>
    {
        public async ValueTask<byte[]> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await CaseRows.PageAsync(
                db, ListCases.Handler.Filter(db.Cases.AsNoTracking(), query, user.User?.Id, user.FacilityCode is null ? user.DivisionPrefix : null), MaxRows + 1,
                cancellationToken);
            var shaped = await CaseRows.ShapeAsync(db, divisions, rows.Take(MaxRows).ToList(), clock.Today, cancellationToken);
            var title = $"高危孕产妇专案管理 {query.Division ?? user.User?.DivisionCode} {clock.Today:yyyy-MM-dd}" + (rows.Count > MaxRows ? $"（仅前 {MaxRows} 例）" : "");
            return Spreadsheet.Workbook("专案管理", title, Headings, shaped.Select((r, i) => Cells(i + 1, r)), [6, 10, 14, 6, 6, 8, 12, 8, 14, 10, 16, 10, 8, 20, 12, 10, 8, 16, 8, 16]);
        }

        private static object?[] Cells(int rank, CaseRow r) =>
        [
            rank, r.FullName, r.TownshipName ?? r.DivisionCode, ZhColour(r.Colour), r.Purple ? "是" : "", $"{r.GestationalAge.Weeks}+{r.GestationalAge.Days}",
            Day(r.Edd), r.DaysToEdd, r.Manager?.Name ?? "未指定", r.Report.Status switch { "acknowledged" => r.Report.AcknowledgedLate ? "已确认（逾期）" : "已确认", "late" => "逾期未确认", _ => "待确认" },
            r.Report.DueAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            r.Plan.Status switch { "missing" => "逾期未制定", "overdue" => "评估逾期", "current" => $"第{r.Plan.Versions}版", _ => "待制定" },
            r.PlanAgeDays, string.Join("、", r.LevelMismatches.Select(ZhMismatch)), r.LastContactDate is { } last ? Day(last) : "",
            r.FollowUpState switch { FollowUps.FollowUpState.Overdue => "逾期", FollowUps.FollowUpState.Lost => "失访", _ => "正常" }, r.DaysOverdue,
            r.OpenReferral is { } referral ? $"{referral.ToFacilityCode}（{Day(referral.OutcomeDue)}前反馈）" : "", r.Status == CaseStatus.Open ? "管理中" : "已结案",
            r.OpenedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ];

        private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static string ZhColour(string colour) => colour switch { "red" => "红", "orange" => "橙", "yellow" => "黄", _ => "绿" };

        public static string ZhMismatch(string code) => code switch
        {
            LevelMismatches.CareBelowLevel => "产检机构级别不足",
            LevelMismatches.CareNotCriticalCareCentre => "产检机构非危重孕产妇救治中心",
            LevelMismatches.DeliveryBelowLevel => "分娩机构级别不足",
            LevelMismatches.DeliveryNotCriticalCareCentre => "分娩机构非危重孕产妇救治中心",
            LevelMismatches.DeliveryWithoutMidwifery => "分娩机构无助产资质",
            LevelMismatches.AssessmentBelowLevel => "评估机构非三级",
            _ => code,
        };
    }
}
