using System.Net;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Indicators;

/// <summary>
/// The case-management indicators (docs/indicators.md) against March 2026 as <see cref="IndicatorScenario"/> builds it,
/// every figure computed by hand:
///
/// | county       | reported in time            | planned in time       | red at 三级        | delivered at level (not recorded)     | lost | near misses | deaths |
/// |--------------|-----------------------------|-----------------------|--------------------|---------------------------------------|------|-------------|--------|
/// | 雨湖区 430302 | 3/5 60.0 (Y2 late, Y4 never) | 3/5 60.0 (Y3 late, Y4 none) | 1/2 50.0 (Y2 二级) | 2/3 66.7 (Y2 二级; Y5 green at birth) (1: Y3) | 1 Y4 | 1 Y4        | 0      |
/// | 岳塘区 430304 | 2/2 100.0 (T3 purple: none)  | 2/3 66.7 (T3 late)    | 0/1 0.0 (T1 none)  | 1/1 100.0 (T2 at 4303-H02)            | 0    | 0           | 1 T1   |
/// | 湘潭市 4303   | 5/7 71.4                     | 5/8 62.5              | 1/3 33.3           | 3/4 75.0 (1)                          | 1    | 1           | 1      |
///
/// The other six counties of the city: nothing (no rate). April, read on 1 April: Y6 alone in Yuhu — her report and first
/// plan still within their deadlines, red and not yet assessed, one near miss; Y4, still lost, is not newly lost.
/// </summary>
[NonParallelizable]
public class IndicatorTests : ServiceFixture
{
    private const string Yuhu = "430302", Yuetang = "430304", Xiangtan = "4303", March = "2026-03", April = "2026-04";

    private static readonly Figures YuhuMarch = new(new(3, 5, 60.0m), 0, new(3, 5, 60.0m), 0, new(1, 2, 50.0m), new(2, 3, 66.7m), 1, 1, 1, 0);
    private static readonly Figures YuetangMarch = new(new(2, 2, 100.0m), 0, new(2, 3, 66.7m), 0, new(0, 1, 0.0m), new(1, 1, 100.0m), 0, 0, 0, 1);
    private static readonly Figures XiangtanMarch = new(new(5, 7, 71.4m), 0, new(5, 8, 62.5m), 0, new(1, 3, 33.3m), new(3, 4, 75.0m), 1, 1, 1, 1);
    private static readonly Figures YuhuApril = new(new(0, 0, null), 1, new(0, 0, null), 1, new(0, 1, 0.0m), new(0, 0, null), 0, 0, 1, 0);
    private static readonly Figures Nothing = new(new(0, 0, null), 0, new(0, 0, null), 0, new(0, 0, null), new(0, 0, null), 0, 0, 0, 0);

    private static readonly string[] XiangtanCounties = ["430302", "430304", "430321", "430371", "430372", "430373", "430381", "430382"];

    [OneTimeSetUp]
    public Task BuildTheMonthAsync() => new IndicatorScenario(this).BuildAsync();

    [Test]
    public async Task TheCity_HasARowPerCounty_AndTheTotal_AsComputedByHand()
    {
        var found = await IndicatorsAsync(Xiangtan, March, Clients["city"]);
        var rows = found["rows"]!.AsArray();
        Assert.That(rows.Select(r => r!["divisionCode"]!.GetValue<string>()), Is.EqualTo(XiangtanCounties), "every county of Xiangtan, in code order");
        Assert.That(found["name"]!.GetValue<string>(), Is.EqualTo("湘潭市"));
        AssertFigures(Row(found, Yuhu), YuhuMarch, "雨湖区");
        AssertFigures(Row(found, Yuetang), YuetangMarch, "岳塘区");
        AssertFigures(found["total"]!, XiangtanMarch, "湘潭市 total");
        foreach (var county in XiangtanCounties.Skip(2))
        {
            AssertFigures(Row(found, county), Nothing, county);
        }
    }

    [Test]
    public async Task OneCounty_IsOneRow_WithTheSameFigures()
    {
        var found = await IndicatorsAsync(Yuhu, March, Clients["county"]);
        Assert.That(found["rows"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(found["total"], Is.Null, "a county has no total");
        AssertFigures(Row(found, Yuhu), YuhuMarch, "雨湖区 as its county staff");
        AssertFigures(Row(await IndicatorsAsync(Yuetang, March, Admin), Yuetang), YuetangMarch, "岳塘区 as the administrator");
    }

    [Test]
    public async Task TheNextMonth_CountsOnlyItsOwn_ByTheShanghaiDate()
    {
        var found = await IndicatorsAsync(Xiangtan, April, Clients["city"]);
        AssertFigures(Row(found, Yuhu), YuhuApril, "雨湖区 in April");
        AssertFigures(Row(found, Yuetang), Nothing, "岳塘区 in April");
    }

    [Test]
    public async Task OnlyTheCallersArea_IsCounted()
    {
        var asCounty = await IndicatorsAsync(Xiangtan, March, Clients["county"]);
        Assert.That(asCounty["rows"]!.AsArray().Select(r => r!["divisionCode"]!.GetValue<string>()), Is.EqualTo(new[] { Yuhu }), "a county's staff see their own county of the city");
        AssertFigures(asCounty["total"]!, YuhuMarch, "the total of what they see");

        foreach (var (role, division) in new[] { ("other-county", Yuhu), ("other-city", Xiangtan), ("other-city", Yuhu) })
        {
            var outside = await IndicatorsAsync(division, March, Clients[role]);
            Assert.That(outside["rows"]!.AsArray(), Is.Empty, $"{division} as {role}: outside the area, no rows");
            Assert.That(outside["total"], Is.Null, $"{division} as {role}");
        }

        foreach (var role in new[] { "worker", "township" })
        {
            var (status, _) = await Api.GetAsync($"/api/indicators?division={Yuhu}&month={March}", Clients[role]);
            Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), $"{role}: county and city MCH staff only");
        }
    }

    [TestCase("2026-13", "month")]
    [TestCase("2026-3", "month")]
    [TestCase("March", "month")]
    [TestCase("", "month")]
    public async Task AMalformedMonth_Is400NamingMonth(string month, string field) =>
        Assert.That(await RejectedAsync($"/api/indicators?division={Xiangtan}&month={month}"), Is.EqualTo(new[] { field }));

    [Test]
    public async Task AFutureMonth_Is400NamingMonth_TheCurrentMonthIsRead()
    {
        var next = Clock.Today.AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(await RejectedAsync($"/api/indicators?division={Xiangtan}&month={next}"), Is.EqualTo(new[] { "month" }));
        Assert.That(await RejectedAsync($"/api/indicators/export.xlsx?division={Xiangtan}&month={next}"), Is.EqualTo(new[] { "month" }));
        await IndicatorsAsync(Xiangtan, Clock.Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), Clients["city"]);
    }

    [TestCase("43")]
    [TestCase("43030")]
    [TestCase("430302101")]
    public async Task ADivisionNeitherCityNorCounty_Is400NamingDivision(string division) =>
        Assert.That(await RejectedAsync($"/api/indicators?division={division}&month={March}"), Is.EqualTo(new[] { "division" }));

    [Test]
    public async Task TheWorkbook_HasChineseHeadings_AndTheSameNumbers()
    {
        var response = await Clients["city"].GetAsync(new Uri($"/api/indicators/export.xlsx?division={Xiangtan}&month={March}", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet("专案管理指标");
        var headings = sheet.Row(2).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.That(headings, Is.EqualTo(new[]
        {
            "地区", "区划代码", "橙色红色专案数（报告已到期）", "及时报告数", "及时报告率（%）", "报告尚在时限内", "专案数（计划已到期）", "及时制定管理计划数", "管理计划及时率（%）",
            "管理计划尚在时限内", "红色专案数", "在三级机构评估数", "红色三级机构评估率（%）", "橙色红色孕产妇分娩数（已记录分娩机构）", "分娩机构符合要求数", "分娩机构符合率（%）",
            "未记录分娩机构数", "新增失访人数", "危重孕产妇例数", "孕产妇死亡数",
            "已发送短信提醒数", "提醒已满7天数", "7天内就诊或随访数", "提醒后7天内就诊率（%）", "提醒未满7天数",
        }));
        var lines = sheet.RowsUsed().Skip(2).ToDictionary(r => r.Cell(1).GetString(), r => r);
        Assert.That(lines.Keys, Is.EqualTo(new[] { "雨湖区", "岳塘区", "湘潭县", "湖南湘潭高新技术产业园区", "湘潭昭山示范区", "湘潭九华示范区", "湘乡市", "韶山市", "合计" }));
        AssertLine(lines["雨湖区"], Yuhu, YuhuMarch);
        AssertLine(lines["岳塘区"], Yuetang, YuetangMarch);
        AssertLine(lines["合计"], Xiangtan, XiangtanMarch);
        Assert.That(lines["湘潭县"].Cell(5).IsEmpty(), Is.True, "no rate without a denominator");
    }

    [Test]
    public async Task ThePage_ShowsTheTable_AChartPerIndicator_AndTheDownload()
    {
        var response = await Clients["city"].GetAsync(new Uri($"/indicators?division={Xiangtan}&month={March}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("专案管理指标").And.Contain("雨湖区").And.Contain("岳塘区").And.Contain("合计"));
            Assert.That(html, Does.Contain("60.0%").And.Contain("71.4%").And.Contain("33.3%"), "rates from the hand-computed table");
            Assert.That(System.Text.RegularExpressions.Regex.Matches(html, "<svg ").Count, Is.EqualTo(7), "a chart per indicator");
            Assert.That(html, Does.Contain($"/api/indicators/export.xlsx?division={Xiangtan}&amp;month={March}"));
            Assert.That(html, Does.Contain("href=\"/indicators\""), "in the navigation of city staff");
        });

        var badMonth = await Clients["city"].GetAsync(new Uri($"/indicators?division={Xiangtan}&month=2026-13", UriKind.Relative));
        Assert.That(badMonth.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await badMonth.Content.ReadAsStringAsync(), Does.Contain("月份格式应如 2026-03"));
        var worker = await Client.GetAsync(new Uri("/indicators", UriKind.Relative));
        Assert.That(worker.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await worker.Content.ReadAsStringAsync(), Does.Not.Contain("href=\"/indicators\""), "no navigation entry for a health worker");
    }

    private async Task<JsonNode> IndicatorsAsync(string division, string month, HttpClient client)
    {
        var (status, body) = await Api.GetAsync($"/api/indicators?division={division}&month={month}", client);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(body!["month"]!.GetValue<string>(), Is.EqualTo(month));
        return body;
    }

    private async Task<IReadOnlyList<string>> RejectedAsync(string path)
    {
        var (status, problem) = await Api.GetAsync(path, Clients["city"]);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem?.ToJsonString());
        return Api.ErrorFields(problem);
    }

    private static JsonNode Row(JsonNode found, string county) =>
        found["rows"]!.AsArray().Single(r => r!["divisionCode"]!.GetValue<string>() == county)!;

    private static void AssertFigures(JsonNode row, Figures expected, string where)
    {
        static Proportion Of(JsonNode p) => new(p["numerator"]!.GetValue<int>(), p["denominator"]!.GetValue<int>(), p["percent"]?.GetValue<decimal>());
        var actual = new Figures(
            Of(row["reportedInTime"]!), row["reportsStillDue"]!.GetValue<int>(), Of(row["plannedInTime"]!), row["plansStillDue"]!.GetValue<int>(),
            Of(row["redAssessedAtLevel"]!), Of(row["deliveredAtLevel"]!), row["deliveriesNotRecorded"]!.GetValue<int>(), row["lostToFollowUp"]!.GetValue<int>(),
            row["nearMisses"]!.GetValue<int>(), row["maternalDeaths"]!.GetValue<int>());
        Assert.That(actual, Is.EqualTo(expected), where);
    }

    /// <summary>A line of the workbook: for each proportion its denominator, numerator and rate, then what is counted apart.</summary>
    private static void AssertLine(IXLRow line, string code, Figures e)
    {
        object?[] expected =
        [
            code, e.Reported.Denominator, e.Reported.Numerator, e.Reported.Percent, e.ReportsStillDue, e.Planned.Denominator, e.Planned.Numerator, e.Planned.Percent,
            e.PlansStillDue, e.Assessed.Denominator, e.Assessed.Numerator, e.Assessed.Percent, e.Delivered.Denominator, e.Delivered.Numerator, e.Delivered.Percent,
            e.DeliveriesNotRecorded, e.Lost, e.NearMisses, e.Deaths,
        ];
        var cells = Enumerable.Range(2, expected.Length).Select(c => line.Cell(c)).Select(c => (object?)(c.IsEmpty() ? null : c.DataType == XLDataType.Number ? c.GetValue<decimal>() : c.GetString()));
        Assert.That(cells, Is.EqualTo(expected.Select(v => v is int i ? (decimal)i : v)), code);
    }

    private sealed record Proportion(int Numerator, int Denominator, decimal? Percent);

    private sealed record Figures(
        Proportion Reported, int ReportsStillDue, Proportion Planned, int PlansStillDue, Proportion Assessed, Proportion Delivered, int DeliveriesNotRecorded,
        int Lost, int NearMisses, int Deaths);
}
