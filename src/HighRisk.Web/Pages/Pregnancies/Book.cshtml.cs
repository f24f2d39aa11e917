using HighRisk.Features.Accounts;
using HighRisk.Features.Divisions;
using HighRisk.Features.Pregnancies;
using HighRisk.Features.Risk;
using HighRisk.Features.Transfers;
using HighRisk.Infrastructure;
using HighRisk.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Pregnancies;

/// <summary>
/// 建册: the booking form, sent as <see cref="BookPregnancy.Command"/>. A woman held open in another area (409
/// <c>transferRequestable</c>) may be asked for from here (申请转入, <see cref="RequestTransfer.Command"/>, with the resident
/// ID and residence typed); possible duplicates (409 <c>PossibleDuplicate</c>) are listed, to be confirmed as someone else.
/// </summary>
public sealed class BookModel(ISender sender, CurrentUser user) : FormPage
{
    /// <summary>The townships a woman of the user's area may live in, by county.</summary>
    public IReadOnlyList<(ListDivisions.Item County, IReadOnlyList<ListDivisions.Item> Townships)> Townships { get; private set; } = [];

    public IReadOnlyList<ListDivisions.Item> Villages { get; private set; } = [];

    public IReadOnlyList<ListFacilities.Item> Facilities { get; private set; } = [];

    public GetCatalogue.Response Catalogue { get; private set; } = null!;

    /// <summary>The woman's open pregnancy when the booking was refused because of it.</summary>
    public Guid? OpenPregnancyId { get; private set; }

    /// <summary>The booking was refused because another area holds her open pregnancy: the form offers to ask for her.</summary>
    public bool TransferRequestable { get; private set; }

    /// <summary>The women already booked whom the booking resembles (409 <c>PossibleDuplicate</c>).</summary>
    public IReadOnlyList<DuplicateCandidate> Candidates { get; private set; } = [];

    /// <summary>The page follows a request for her (申请转入) just sent.</summary>
    public bool TransferRequested => TempData.Peek(Flash.Key) as string == Flash.TransferRequested;

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
            ConfirmedNotDuplicate = Form.Bool("confirmedNotDuplicate") ?? false,
        };
        if (await TrySendAsync(c => sender.Send(command, c), FieldOf) is { } booked)
        {
            Confirm(Flash.Booked);
            return Redirect($"/pregnancies/{booked.Id}");
        }

        await LoadChoicesAsync(ct);
        return Rejected();
    }

    /// <summary>申请转入: asks the area that holds her for her, by the resident ID typed, to the residence chosen, with a reason.</summary>
    public async Task<IActionResult> OnPostRequestTransferAsync(CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var command = new RequestTransfer.Command(Form.Text("residentId"), Form.Text("transfer.reason"), Residence());
        var requested = await TrySendAsync(c => sender.Send(command, c), field => field switch
        {
            "reason" => "transfer.reason",
            "toDivisionCode" => FieldOf("divisionCode"),
            _ => field,
        });
        if (requested is not null)
        {
            Confirm(Flash.TransferRequested);
            return Redirect("/pregnancies/book");
        }

        if (Missing)
        {
            Form.Problem = Messages.TransferNothingToRequest.Shown; // the resident ID was changed since: nobody of hers is held elsewhere
        }

        TransferRequestable = true;
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

    protected override void OnConflict(ConflictException conflict)
    {
        OpenPregnancyId = conflict.Extensions.TryGetValue("openPregnancyId", out var id) && id is Guid open ? open : null;
        TransferRequestable = conflict.Extensions.TryGetValue("transferRequestable", out var requestable) && requestable is true;
        if (conflict.Code == Messages.PossibleDuplicate.Code)
        {
            Form.Problem = Texts.PossibleDuplicate;
            Candidates = DuplicateCandidate.Of(conflict.Extensions.GetValueOrDefault("candidates"));
        }
    }

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
