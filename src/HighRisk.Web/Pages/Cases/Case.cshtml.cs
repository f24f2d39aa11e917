using System.Globalization;
using HighRisk.Features.Accounts;
using HighRisk.Features.Cases;
using HighRisk.Features.Divisions;
using HighRisk.Infrastructure;
using HighRisk.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Cases;

/// <summary>
/// One case (专案): its report, manager, plan and flags, every version of the plan, the near misses recorded on it, and
/// for county and city MCH staff its five actions, each a form of this page sent as the API's command:
/// <see cref="AcknowledgeReport"/>, <see cref="AssignManager"/>, <see cref="AddCasePlan"/>, <see cref="RecordNearMiss"/>
/// and <see cref="CloseCase"/>.
/// </summary>
public sealed class CaseModel(ISender sender, CurrentUser user, BusinessClock clock) : FormPage
{
    public GetCase.Response Case { get; private set; } = null!;

    /// <summary>Whom the case may be handed to (county and city staff only).</summary>
    public IReadOnlyList<ListCaseManagers.Item> Managers { get; private set; } = [];

    /// <summary>The facilities of her city, for the plan's places.</summary>
    public IReadOnlyList<ListFacilities.Item> Facilities { get; private set; } = [];

    /// <summary>The form that was posted and rejected (acknowledge, manager, plan, near-miss, close): its messages show above it.</summary>
    public string? Posted { get; private set; }

    /// <summary>Only county and city MCH staff act on a case; everyone else who sees her sees it.</summary>
    public bool CanAct => user.Role is StaffRole.CountyStaff or StaffRole.CityStaff;

    public bool Open => Case.Status == CaseStatus.Open;

    public bool StillHighRisk => CaseColours.StillHighRisk(Case.Colour, Case.Purple);

    public string FacilityName(string code) => Case.Facilities.TryGetValue(code, out var facts) ? facts.Name : code;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFoundPage();
        }

        // A new version starts from the current one: the places, the plans and the PMTCT items done so far.
        if (Case.Plans.Count > 0)
        {
            var current = Case.Plans[0];
            Form.Set("careFacilityCode", current.CareFacilityCode).Set("deliveryFacilityCode", current.DeliveryFacilityCode)
                .Set("treatmentPlan", current.TreatmentPlan).Set("emergencyPlan", current.EmergencyPlan);
            foreach (var item in current.Pmtct)
            {
                Form.Set($"pmtct.{item.Item}", "true").Set($"pmtct.{item.Item}.doneOn", item.DoneOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }

        return Page();
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken ct) =>
        PostAsync(id, "acknowledge", c => sender.Send(new AcknowledgeReport.Command { CaseId = id }, c), _ => Flash.ReportAcknowledged, null, ct);

    public Task<IActionResult> OnPostManagerAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var userId = Guid.TryParse(Form.Text("userId"), out var chosen) ? chosen : (Guid?)null;
        return PostAsync(id, "manager", c => sender.Send(new AssignManager.Command { CaseId = id, UserId = userId }, c), _ => Flash.ManagerAssigned, null, ct);
    }

    public Task<IActionResult> OnPostPlanAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var pmtct = PmtctItems.All.Select(i => i.Code).Where(code => Form.Bool($"pmtct.{code}") == true).ToList();
        var assessed = new[] { "date", "facilityCode", "assessor", "assessorTitle", "outcome" }.Any(name => Form.Text($"continuation.{name}") is not null);
        var command = new AddCasePlan.Command
        {
            CaseId = id,
            CareFacilityCode = Form.Text("careFacilityCode"),
            DeliveryFacilityCode = Form.Text("deliveryFacilityCode"),
            TreatmentPlan = Form.Text("treatmentPlan"),
            EmergencyPlan = Form.Text("emergencyPlan"),
            NextReviewDate = Form.Date("nextReviewDate"),
            Continuation = assessed
                ? new AddCasePlan.ContinuationInput(
                    Form.Date("continuation.date"), Form.Text("continuation.facilityCode"), Form.Text("continuation.assessor"),
                    Form.Text("continuation.assessorTitle"), Form.Text("continuation.outcome"))
                : null,
            Pmtct = pmtct.Count == 0 ? null : [.. pmtct.Select(code => new AddCasePlan.PmtctInput(code, Form.Date($"pmtct.{code}.doneOn")))],
        };
        return PostAsync(
            id, "plan", c => sender.Send(command, c), added => added.LevelMismatches.Count > 0 ? Flash.PlanSavedMismatch : Flash.PlanSaved,
            field => FieldOf(field, pmtct), ct);
    }

    public Task<IActionResult> OnPostNearMissAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var command = new RecordNearMiss.Command
        {
            CaseId = id,
            Date = Form.Date("nearMiss.date"),
            FacilityCode = Form.Text("nearMiss.facilityCode"),
            Criteria = Form.Values("nearMiss.criteria"),
            Outcome = Form.Text("nearMiss.outcome"),
            Note = Form.Text("nearMiss.note"),
        };

        // criteria[2] (an unknown criterion) belongs to the checklist as a whole.
        return PostAsync(
            id, "near-miss", c => sender.Send(command, c), _ => Flash.NearMissRecorded,
            field => "nearMiss." + (field.StartsWith("criteria", StringComparison.Ordinal) ? "criteria" : field), ct);
    }

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        return PostAsync(id, "close", c => sender.Send(new CloseCase.Command { CaseId = id, Reason = Form.Text("reason") }, c), _ => Flash.CaseClosed, null, ct);
    }

    /// <summary>The colour of a conflict in words (the command names it by its API name).</summary>
    protected override void OnConflict(ConflictException conflict)
    {
        if (conflict.Values.TryGetValue("Colour", out var colour) && colour is string name)
        {
            Form.Problem = Messages.For(conflict.Code, new Dictionary<string, object?>(conflict.Values) { ["Colour"] = Labels.ColourName(name) }, conflict.Message);
        }
    }

    private async Task<IActionResult> PostAsync<T>(
        Guid id, string form, Func<CancellationToken, ValueTask<T>> send, Func<T, string> flash, Func<string, string>? field, CancellationToken ct)
        where T : class
    {
        if (await TrySendAsync(send, field) is { } done)
        {
            Confirm(flash(done));
            return Redirect($"/cases/{id}");
        }

        Posted = form;
        return !Missing && await LoadAsync(id, ct) ? Rejected() : NotFoundPage();
    }

    /// <summary>Where a message goes: <c>pmtct[1].doneOn</c> beside the done date of the second item ticked.</summary>
    private static string FieldOf(string field, IReadOnlyList<string> pmtct)
    {
        if (!field.StartsWith("pmtct[", StringComparison.Ordinal))
        {
            return field;
        }

        var close = field.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(field.AsSpan(6, close - 6), CultureInfo.InvariantCulture, out var i) && i < pmtct.Count && field.EndsWith(".doneOn", StringComparison.Ordinal)
            ? $"pmtct.{pmtct[i]}.doneOn"
            : "pmtct";
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Case = await sender.Send(new GetCase.Query(id), ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        if (CanAct && Open)
        {
            Managers = await sender.Send(new ListCaseManagers.Query(id), ct);
            Facilities = await sender.Send(new ListFacilities.Query(Case.DivisionCode[..4]), ct);
            if (Posted != "near-miss")
            {
                Form.Set("nearMiss.date", clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }

        return true;
    }
}
