using System.Globalization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Divisions;
using HighRisk.Features.Indicators;
using HighRisk.Infrastructure;
using HighRisk.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Indicators;

/// <summary>
/// The case-management indicators of a month (<see cref="GetIndicators"/>) for a city or one county of the user's area:
/// a table with a line per county and the total, a bar chart per indicator drawn on the server, and the .xlsx download.
/// </summary>
public sealed class IndexModel(ISender sender, BusinessClock clock, CurrentUser user) : FormPage
{
    /// <summary>A city or county; unset: the user's own area (an administrator's: the first city).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Division { get; set; }

    /// <summary>yyyy-MM; unset: the current month.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public GetIndicators.Response? Indicators { get; private set; }

    /// <summary>The month's referral and consultation figures for the same area (双向转诊、会诊).</summary>
    public GetReferralIndicators.Response? Referrals { get; private set; }

    /// <summary>What the area chooser offers: the user's city and its counties, or the user's county.</summary>
    public IReadOnlyList<ListDivisions.Item> Areas { get; private set; } = [];

    public IReadOnlyList<IndicatorChart> Charts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!GetIndicators.MayRead(user))
        {
            Form.Problem = Messages.IndicatorsRole.Shown;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Areas = await AreasAsync(ct);
        Division = string.IsNullOrWhiteSpace(Division) ? Areas.FirstOrDefault()?.Code : Division.Trim();
        Month = string.IsNullOrWhiteSpace(Month) ? clock.Today.ToString("yyyy-MM", CultureInfo.InvariantCulture) : Month.Trim();
        Form.Set("month", Month).Set("division", Division);
        try
        {
            Indicators = await sender.Send(new GetIndicators.Query(Division, Month), ct);
            Referrals = await sender.Send(new GetReferralIndicators.Query(Division, Month), ct);
        }
        catch (ValidationException rejected)
        {
            Form.Add(rejected);
            return Rejected();
        }

        Charts = ChartsOf(Indicators.Rows);
        return Page();
    }

    private async Task<IReadOnlyList<ListDivisions.Item>> AreasAsync(CancellationToken ct)
    {
        var area = user.DivisionPrefix;
        if (area is { Length: 6 })
        {
            return [.. (await sender.Send(new ListDivisions.Query(area[..4]), ct)).Where(d => d.Code == area)];
        }

        var cities = (await sender.Send(new ListDivisions.Query("43"), ct)).Where(d => area is null || d.Code == area).ToList();
        var city = area ?? (Division is { Length: >= 4 } chosen ? chosen[..4] : cities.FirstOrDefault()?.Code);
        var counties = city is null ? [] : await sender.Send(new ListDivisions.Query(city), ct);
        return [.. cities, .. counties.Where(d => d.Level == DivisionLevel.County)];
    }

    private static IReadOnlyList<IndicatorChart> ChartsOf(IReadOnlyList<IndicatorRow> rows) =>
    [
        Proportions("reported", Texts.ReportedInTime, Texts.ReportedInTimeHint, rows, r => r.ReportedInTime),
        Proportions("planned", Texts.PlannedInTime, Texts.PlannedInTimeHint, rows, r => r.PlannedInTime),
        Proportions("assessed", Texts.RedAssessed, Texts.RedAssessedHint, rows, r => r.RedAssessedAtLevel),
        Proportions("delivered", Texts.DeliveredAtLevel, Texts.DeliveredAtLevelHint, rows, r => r.DeliveredAtLevel),
        Counts("lost", Texts.LostToFollowUp, Texts.LostToFollowUpHint, rows, r => r.LostToFollowUp),
        Counts("near-misses", Texts.NearMissesInMonth, Texts.NearMissesHint, rows, r => r.NearMisses),
        Counts("deaths", Texts.MaternalDeaths, Texts.MaternalDeathsHint, rows, r => r.MaternalDeaths),
    ];

    private static IndicatorChart Proportions(string id, Text title, Text hint, IReadOnlyList<IndicatorRow> rows, Func<IndicatorRow, Proportion> of) =>
        new(id, title, hint, 100, [.. rows.Select(r => of(r) is var p && p.Percent is { } percent
            ? new IndicatorBar(r.Name, (double)percent, string.Create(CultureInfo.InvariantCulture, $"{percent:0.0}% ({p.Numerator}/{p.Denominator})"))
            : new IndicatorBar(r.Name, null, Texts.NoDenominator.ToString()))]);

    private static IndicatorChart Counts(string id, Text title, Text hint, IReadOnlyList<IndicatorRow> rows, Func<IndicatorRow, int> of) =>
        new(id, title, hint, Math.Max(1, rows.Count == 0 ? 1 : rows.Max(of)),
            [.. rows.Select(r => new IndicatorBar(r.Name, of(r), of(r).ToString(CultureInfo.InvariantCulture)))]);
}

/// <summary>One indicator's chart: a bar per county, scaled to <paramref name="Max"/> (100 for a rate).</summary>
public sealed record IndicatorChart(string Id, Text Title, Text Hint, double Max, IReadOnlyList<IndicatorBar> Bars);

/// <summary>A county's bar: its value (null: no denominator, no bar) and the words beside it.</summary>
public sealed record IndicatorBar(string Name, double? Value, string Label);
