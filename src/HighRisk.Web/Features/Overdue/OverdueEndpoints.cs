using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HighRisk.Features.Overdue;

public static class OverdueEndpoints
{
    public static void MapOverdue(this IEndpointRouteBuilder api)
    {
        api.MapGet("/overdue", async Task<Results<Ok<GetOverdueList.Response>, FileContentHttpResult>> (
                string? division, DateOnly? date, string? format, string? cursor, int? limit, ISender sender, CancellationToken ct) =>
            {
                var list = await sender.Send(new GetOverdueList.Query(division, date, format ?? "json", cursor, limit), ct);
                var title = $"逾期随访名单 {list.Division} {list.Date:yyyy-MM-dd}";
                return format switch
                {
                    "xlsx" => TypedResults.File(
                        OverdueExports.Workbook(title, list.Entries), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        $"overdue-{list.Division}-{list.Date:yyyyMMdd}.xlsx"),
                    "csv" => TypedResults.File(OverdueExports.Csv(list.Entries), "text/csv; charset=utf-8", $"overdue-{list.Division}-{list.Date:yyyyMMdd}.csv"),
                    _ => TypedResults.Ok(list),
                };
            })
            .WithTags("Follow-ups")
            .WithName("GetOverdueList")
            .WithSummary("The daily overdue list (逾期随访名单)")
            .WithDescription("`division`: a township code gives its list, a county or city code the lists of every township beneath it (default: " +
                "your own area). `date`: the business day (default today; lists are made at 07:00 Asia/Shanghai — " +
                "`generated` says whether that day's list exists). `format`: `json` (default), `xlsx` or `csv`, with Chinese column headings: " +
                "序号, 姓名 (masked 李*梅), 乡镇/街道, 村/社区, 手机号, 风险等级, 紫色, 孕周, 应随访日期, 随访事项, 逾期天数, 状态, 末次联系, 未联系上次数, 责任人. " +
                "Entries are sorted township by township (by code), each red → orange → purple → yellow → green, then by days overdue, " +
                "then by pregnancy id; `rank` counts within the township. " +
                "JSON is keyset-paged (a township's list only when `limit` or `cursor` is given; else whole): " +
                $"`limit` 1–{GetOverdueList.MaxLimit} entries (default {GetOverdueList.DefaultLimit}); pass `nextCursor` back as " +
                "`cursor` for the next page (null on the last). A cursor keeps its list's division and date: later pages read the same day's list " +
                "(give neither, or the same; another is 400 naming `cursor`). Every page carries `counts` and `townships` (a line per township " +
                "with its counts) for the whole list; `undeliveredAlerts` come on the first page. The .xlsx and .csv are always the whole list " +
                "(`cursor` and `limit` are not used).")
            .Produces<GetOverdueList.Response>()
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
    }
}
