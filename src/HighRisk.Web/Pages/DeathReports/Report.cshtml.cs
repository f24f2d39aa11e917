using System.Globalization;
using System.Text;
using HighRisk.Features.Deaths;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.DeathReports;

/// <summary>
/// 孕产妇死亡个案报告: one report — due by when, late, or submitted by whom and when —, a link to her record, and while it
/// is due the report card, sent as <see cref="SubmitDeathReport.Command"/>; once submitted, the card as it was submitted.
/// Whoever sees the report may submit it (the API's rule), so the form has no role check of its own.
/// </summary>
public sealed class ReportModel(ISender sender) : FormPage
{
    /// <summary>The rows of the chain of causes on the card: (a) the immediate cause to (d).</summary>
    public const int CauseRows = 4;

    public DeathReportView Report { get; private set; } = null!;

    /// <summary>Her name and where she lived, for the link to her record; null when the record cannot be read.</summary>
    public GetPregnancy.Response? Pregnancy { get; private set; }

    public bool Due => Report.Status == "due";

    /// <summary>The form's name of a part (description, icd10) of a row of the chain of causes.</summary>
    public static string Cause(int row, string part) => $"causes.{row}.{part}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFoundPage();
        }

        // The register's figures, filled in when the report opened: the reporter confirms or corrects them.
        Form.Set("currentAddress", Report.CurrentAddress)
            .Set("antenatalVisits", Report.AntenatalVisits?.ToString(CultureInfo.InvariantCulture))
            .Set("firstVisitWeek", Report.FirstVisitWeek?.ToString(CultureInfo.InvariantCulture));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var rows = Enumerable.Range(0, CauseRows).Where(row => Form.Text(Cause(row, "description")) is not null || Form.Text(Cause(row, "icd10")) is not null).ToList();
        var transferred = Form.Bool("transferred");
        var command = new SubmitDeathReport.Command
        {
            ReportId = id,
            UsualAddress = Form.Text("usualAddress"),
            CurrentAddress = Form.Text("currentAddress"),
            DeliveryPlace = Form.Text("deliveryPlace"),
            DeathPlace = Form.Text("deathPlace"),
            Transferred = transferred,
            TransferredFrom = transferred == true ? Form.Text("transferredFrom") : null,
            AntenatalVisits = Form.Int("antenatalVisits"),
            FirstVisitWeek = Form.Int("firstVisitWeek"),
            Causes = [.. rows.Select(row => new SubmitDeathReport.CauseInput(Form.Text(Cause(row, "description")), Code(Form.Text(Cause(row, "icd10")))))],
        };
        if (await TrySendAsync(c => sender.Send(command, c), field => FieldOf(field, rows)) is not null)
        {
            Confirm(Flash.DeathReportSubmitted);
            return Redirect($"/death-reports/{id}");
        }

        return !Missing && await LoadAsync(id, ct) ? Rejected() : NotFoundPage();
    }

    /// <summary>An ICD-10 code as typed on a phone: full-width characters (a Chinese input method) made ASCII, letters upper-case.</summary>
    private static string? Code(string? typed) => typed?.Normalize(NormalizationForm.FormKC).Replace('。', '.').ToUpperInvariant();

    /// <summary>Where a message goes: <c>causes[1].icd10</c> beside the code of the second row filled in (empty rows are not sent).</summary>
    private static string FieldOf(string field, IReadOnlyList<int> rows)
    {
        if (!field.StartsWith("causes[", StringComparison.Ordinal))
        {
            return field;
        }

        var close = field.IndexOf(']', StringComparison.Ordinal);
        return close > 7 && int.TryParse(field.AsSpan(7, close - 7), CultureInfo.InvariantCulture, out var i) && i < rows.Count && close + 1 < field.Length
            ? $"causes.{rows[i]}{field[(close + 1)..]}"
            : "causes";
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Report = await sender.Send(new GetDeathReport.Query(id), ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        try
        {
            Pregnancy = await sender.Send(new GetPregnancy.Query(Report.PregnancyId), ct);
        }
        catch (NotFoundException)
        {
            Pregnancy = null;
        }

        return true;
    }
}
