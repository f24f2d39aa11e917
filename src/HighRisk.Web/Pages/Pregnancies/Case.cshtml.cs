using HighRisk.Features.Alerts;
using HighRisk.Features.Divisions;
using HighRisk.Features.Pregnancies;
using HighRisk.Features.Risk;
using HighRisk.Features.Transfers;
using HighRisk.Infrastructure;
using HighRisk.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Pregnancies;

/// <summary>One woman's record: the grade and why, the grade history, exams, follow-ups, alerts, what is due, and a transfer waiting for its answer.</summary>
public sealed class CaseModel(ISender sender) : PregnancyPage(sender)
{
    public IReadOnlyList<AlertView> Alerts { get; private set; } = [];

    public GetPendingTransfer.Response Transfer { get; private set; } = new(false, null, null);

    private GetCatalogue.Response _catalogue = null!;

    private IReadOnlyList<ListFacilities.Item> _facilities = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadPregnancyAsync(id, ct))
        {
            return NotFoundPage();
        }

        _catalogue = await Sender.Send(new GetCatalogue.Query(), ct);
        Alerts = (await Sender.Send(new ListAlerts.Query(id, null, null), ct)).Items;
        Transfer = await Sender.Send(new GetPendingTransfer.Query(id), ct);
        _facilities = await Sender.Send(new ListFacilities.Query(Pregnancy.TownshipCode[..4]), ct);
        var named = Pregnancy.Exams.Select(e => e.FacilityCode).Append(Pregnancy.FacilityCode).Concat(Pregnancy.Referrals.Select(r => r.ToFacilityCode));
        if (named.Any(code => _facilities.All(f => f.Code != code)))
        {
            // She was examined or referred outside her city now (she moved, or a centre elsewhere saw her): name those places too.
            _facilities = await Sender.Send(new ListFacilities.Query(Pregnancy.TownshipCode[..2]), ct);
        }

        return Page();
    }

    public string FacilityName(string code) => _facilities.FirstOrDefault(f => f.Code == code)?.Name ?? code;

    /// <summary>The clinical day a grade change belongs to: its exam's date, the booking date, or the day it was made.</summary>
    public DateOnly DayOf(GetPregnancy.GradeChangeView change) =>
        change.ExamId is { } exam && Pregnancy.Exams.FirstOrDefault(e => e.Id == exam) is { } found ? found.ExamDate
        : change.Cause == GradeCause.Booking ? Pregnancy.BookingDate
        : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(change.ChangedAt, BusinessClock.Zone).DateTime);

    /// <summary>A coded id's name in the catalogue (a factor or a qualifier); the id itself when the catalogue no longer has it.</summary>
    public Text NameOf(string id) => Labels.CatalogueName(_catalogue, id);
}
