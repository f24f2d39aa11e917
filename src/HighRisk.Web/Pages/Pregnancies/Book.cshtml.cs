using HighRisk.Features.Accounts;
using HighRisk.Features.Divisions;
using HighRisk.Features.Pregnancies;
using HighRisk.Features.Risk;
using HighRisk.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Pregnancies;

/// <summary>建册: the booking form, sent as <see cref="BookPregnancy.Command"/>.</summary>
public sealed class BookModel(ISender sender, CurrentUser user) : FormPage
{
    /// <summary>The townships a woman of the user's area may live in, by county.</summary>
    public IReadOnlyList<(ListDivisions.Item County, IReadOnlyList<ListDivisions.Item> Townships)> Townships { get; private set; } = [];

    public IReadOnlyList<ListDivisions.Item> Villages { get; private set; } = [];

    public IReadOnlyList<ListFacilities.Item> Facilities { get; private set; } = [];

    public GetCatalogue.Response Catalogue { get; private set; } = null!;

    /// <summary>The woman's open pregnancy when the booking was refused because of it.</summary>
    public Guid? OpenPregnancyId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form.Set("facilityCode", user.FacilityCode)
            .Set("healthWorker", user.User?.DisplayName)
            .Set("township", user.DivisionPrefix is { Length: 9 } township ? township : null)
            .Set("history.gravidity", "1")
            .Set("history.parity", "0")
            .Set("history.abortions", "0")
            .Set("history.cesareans", "0")
            .Set("history.uterineSurgeries", "0");
        await LoadChoicesAsync(ct);
    }

    /// <summary>Without script, the village list follows the chosen township by posting the form back.</summary>
    public async Task OnPostVillagesAsync(CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var command = new BookPregnancy.Command
        {
            FullName = Form.Text("fullName"),
            ResidentId = Form.Text("residentId"),
            Mobile = Form.Text("mobile"),
            Lmp = Form.Date("lmp"),
            Edd = Form.Date("edd"),
            DivisionCode = Residence(),
            Address = Form.Text("address"),
            FacilityCode = Form.Text("facilityCode"),
            HealthWorker = Form.Text("healthWorker"),
            HeightCm = Form.Decimal("heightCm"),
            WeightKg = Form.Decimal("weightKg"),
            History = new PregnancyHistory
            {
                Gravidity = Form.Int("history.gravidity") ?? 1,
                Parity = Form.Int("history.parity") ?? 0,
                Abortions = Form.Int("history.abortions") ?? 0,
                Cesareans = Form.Int("history.cesareans") ?? 0,
                UterineSurgeries = Form.Int("history.uterineSurgeries") ?? 0,
                LastUterineSurgery = Form.Date("history.lastUterineSurgery"),
            },
            Findings = Form.Values("findings"),
            BookingDate = Form.Date("bookingDate"),
        };
        if (await TrySendAsync(c => sender.Send(command, c), FieldOf) is { } booked)
        {
            Confirm(Flash.Booked);
            return Redirect($"/pregnancies/{booked.Id}");
        }

        await LoadChoicesAsync(ct);
        return Rejected();
    }

    /// <summary>
    /// The village chosen, or the township alone. A village left over from another township (the township was changed
    /// without script) does not count.
    /// </summary>
    private string? Residence() =>
        Form.Text("divisionCode") is { } code && (Form.Text("township") is not { } township || code.StartsWith(township, StringComparison.Ordinal))
            ? code
            : Form.Text("township");

    /// <summary>Where a message goes: a refused finding (<c>findings[2]</c>) beside the checklist, the residence beside the township.</summary>
    private string FieldOf(string field) => field switch
    {
        _ when field.StartsWith("findings[", StringComparison.Ordinal) => "findings",
        "divisionCode" when user.DivisionPrefix is { Length: >= 4 } => "township",
        _ => field,
    };

    protected override void OnConflict(ConflictException conflict) =>
        OpenPregnancyId = conflict.Extensions.TryGetValue("openPregnancyId", out var id) && id is Guid open ? open : null;

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Catalogue = await sender.Send(new GetCatalogue.Query(), ct);
        var area = user.DivisionPrefix;
        var townships = new List<(ListDivisions.Item, IReadOnlyList<ListDivisions.Item>)>();
        if (area is { Length: >= 4 })
        {
            var counties = await sender.Send(new ListDivisions.Query(area[..4]), ct);
            foreach (var county in area.Length == 4 ? counties : counties.Where(c => c.Code == area[..6]))
            {
                // A health worker books the women of the county around her facility; MCH staff those of their own area.
                var inCounty = await sender.Send(new ListDivisions.Query(county.Code), ct);
                townships.Add((county, user.Role == StaffRole.HealthWorker ? inCounty : inCounty.Where(t => t.Code.StartsWith(area, StringComparison.Ordinal)).ToList()));
            }
        }

        Townships = townships;
        Villages = Form.Text("township") is { Length: 9 } chosen && chosen.All(char.IsAsciiDigit)
            ? await sender.Send(new ListDivisions.Query(chosen), ct)
            : [];
        var facilities = await sender.Send(new ListFacilities.Query(area is { Length: >= 2 } ? area : "43"), ct);
        Facilities = user.FacilityCode is { } own ? facilities.Where(f => f.Code == own).ToList() : facilities;
    }
}
