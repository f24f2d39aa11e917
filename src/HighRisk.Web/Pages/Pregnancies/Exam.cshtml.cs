using HighRisk.Features.Accounts;
using HighRisk.Features.Divisions;
using HighRisk.Features.Exams;
using HighRisk.Features.Risk;
using HighRisk.Infrastructure;
using HighRisk.Rules;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Pregnancies;

/// <summary>产检: the exam form, sent as <see cref="RecordExam.Command"/>; the colour preview calls the evaluate endpoint.</summary>
public sealed class ExamModel(ISender sender, CurrentUser user, BusinessClock clock) : PregnancyPage(sender)
{
    /// <summary>Measurements asked at most visits; the rest sit under "more".</summary>
    public static readonly Observation[] Common =
    [
        Observation.SystolicBp, Observation.DiastolicBp, Observation.WeightKg, Observation.Hemoglobin, Observation.Platelets,
        Observation.FastingGlucose, Observation.UrineProtein, Observation.FetalHeartRate, Observation.FundalHeight,
        Observation.FetusCount, Observation.Temperature,
    ];

    public static IEnumerable<ObservationInfo> More =>
        Observations.All.Where(o => o.Source == ObservationSource.Measured && !Common.Contains(o.Observation));

    public DateOnly Today => clock.Today;

    public GetCatalogue.Response Catalogue { get; private set; } = null!;

    public IReadOnlyList<ListFacilities.Item> Facilities { get; private set; } = [];

    /// <summary>Findings coded earlier that still make a factor active, which this exam may declare resolved.</summary>
    public IReadOnlyList<string> Resolvable { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Form.Set("examDate", clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .Set("facilityCode", user.FacilityCode)
            .Set("examiner", user.User?.DisplayName);
        return await LoadAsync(id, ct) ? Page() : NotFoundPage();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var resolved = Form.Values("resolve");
        var command = new RecordExam.Command
        {
            PregnancyId = id,
            ExamDate = Form.Date("examDate"),
            FacilityCode = Form.Text("facilityCode"),
            Examiner = Form.Text("examiner"),
            Measurements = Observations.All
                .Where(o => o.Source == ObservationSource.Measured)
                .Select(o => (o.ApiName, Value: Form.Measurement($"measurements.{o.ApiName}", text: o.Observation == Observation.UrineProtein)))
                .Where(m => m.Value is not null)
                .ToDictionary(m => m.ApiName, m => m.Value!.Value, StringComparer.Ordinal),
            Findings = Form.Values("findings"),
            Resolved = resolved.Select(finding => new ResolvedFinding(finding, Form.Text($"reason.{finding}")!)).ToList(),
            Note = Form.Text("note"),
            NextAppointment = Form.Date("nextAppointment"),
        };
        if (await TrySendAsync(c => Sender.Send(command, c), field => FieldOf(field, resolved)) is not null)
        {
            Confirm(Flash.ExamSaved);
            return Redirect($"/pregnancies/{id}");
        }

        return !Missing && await LoadAsync(id, ct) ? Rejected() : NotFoundPage();
    }

    /// <summary>Where a message goes: <c>resolved[1].reason</c> beside the reason of the second finding ticked.</summary>
    private static string FieldOf(string field, IReadOnlyList<string> resolved)
    {
        if (field.StartsWith("findings[", StringComparison.Ordinal))
        {
            return "findings";
        }

        if (field.StartsWith("resolved[", StringComparison.Ordinal) && int.TryParse(field.AsSpan(9, field.IndexOf(']', StringComparison.Ordinal) - 9), out var i) && i < resolved.Count)
        {
            return $"reason.{resolved[i]}";
        }

        return field;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadPregnancyAsync(id, ct))
        {
            return false;
        }

        Catalogue = await Sender.Send(new GetCatalogue.Query(), ct);
        // Exams happen anywhere in the city: the township health centre, the county or the city MCH hospital.
        Facilities = await Sender.Send(new ListFacilities.Query(Pregnancy.TownshipCode[..4]), ct);
        if (user.ReferralFacility is { } own && Facilities.All(f => f.Code != own) && user.User is { DivisionCode.Length: >= 2 } account)
        {
            // A facility she was referred to, in another city, records the exam under its own name.
            Facilities = [.. (await Sender.Send(new ListFacilities.Query(account.DivisionCode), ct)).Where(f => f.Code == own), .. Facilities];
        }
        Resolvable = Pregnancy.Factors.SelectMany(f => f.Evidence)
            .Where(e => e.Finding is not null && e.Kind is EvidenceKinds.Coded or EvidenceKinds.History or EvidenceKinds.Raise)
            .Select(e => e.Finding!)
            .Distinct()
            .ToList();
        return true;
    }
}
