using HighRisk.Features.Divisions;
using HighRisk.Features.Transfers;
using HighRisk.Infrastructure;
using HighRisk.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Transfers;

/// <summary>
/// The transfer inboxes (<see cref="ListTransfers"/>), newest first: 转入, women moving into the user's area (and those
/// it asked for), and 转出, women moving out of it (and other areas' requests for them); filtered by state (待处理 by
/// default), keyset-paged. The side that answers a transfer does so on its row: <see cref="AcceptTransfer"/>, optionally
/// naming the facility, health worker and address, or <see cref="DeclineTransfer"/> with a reason.
/// </summary>
public sealed class IndexModel(ISender sender) : FormPage
{
    public const int PageSize = 30;

    /// <summary>The filters offered, in order: the API's statuses and all.</summary>
    public static readonly IReadOnlyList<string> Filters = ["requested", "accepted", "declined", "late", "all"];

    /// <summary>incoming or outgoing.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Direction { get; set; }

    /// <summary>One of <see cref="Filters"/>; requested by default.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Cursor { get; set; }

    public bool Incoming => Direction == "incoming";

    public ListTransfers.Response Result { get; private set; } = new([], null);

    /// <summary>The facilities of each township a transfer the user answers would bring her to, by township code.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ListFacilities.Item>> Facilities { get; private set; } = new Dictionary<string, IReadOnlyList<ListFacilities.Item>>();

    /// <summary>The form that was posted and rejected (which transfer, accept or decline): its messages show above it.</summary>
    public (Guid Id, string Form)? Posted { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var form = FieldPrefix(id, "accept");
        var command = new AcceptTransfer.Command
        {
            TransferId = id,
            FacilityCode = Form.Text($"{form}.facilityCode"),
            HealthWorker = Form.Text($"{form}.healthWorker"),
            Address = Form.Text($"{form}.address"),
        };
        return PostAsync(id, "accept", c => sender.Send(command, c), ct);
    }

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var command = new DeclineTransfer.Command { TransferId = id, Reason = Form.Text($"{FieldPrefix(id, "decline")}.reason") };
        return PostAsync(id, "decline", c => sender.Send(command, c), ct);
    }

    /// <summary>A row's forms name their fields after the form and the transfer (<c>decline-{id}.reason</c>): each message lands in its own row.</summary>
    public static string FieldPrefix(Guid id, string form) => $"{form}-{id:N}";

    /// <summary>Whether the reader may open her record from this row: she is on their side of it now.</summary>
    public bool Opens(TransferView t) => t.PregnancyId is not null && (Incoming ? t.Status == TransferStatus.Accepted : t.Status != TransferStatus.Accepted);

    /// <summary>This inbox's address with another direction, filter or cursor.</summary>
    public string PageUrl(string? direction = null, string? status = null, Guid? cursor = null)
    {
        var query = new KeyValuePair<string, string?>[] { new("direction", direction ?? Direction), new("status", status ?? Status), new("cursor", cursor?.ToString()) };
        return "/transfers" + QueryString.Create(query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    /// <summary>The state a transfer was found in when an answer came too late, in words (the command names it by its API name).</summary>
    protected override void OnConflict(ConflictException conflict)
    {
        if (conflict.Values.TryGetValue("State", out var state) && state is string name)
        {
            Form.Problem = Messages.For(conflict.Code, new Dictionary<string, object?>(conflict.Values) { ["State"] = Labels.TransferStatus(name) }, conflict.Message);
        }
    }

    private async Task<IActionResult> PostAsync(Guid id, string form, Func<CancellationToken, ValueTask<TransferView>> send, CancellationToken ct)
    {
        if (await TrySendAsync(send, field => $"{FieldPrefix(id, form)}.{field}") is { } answered)
        {
            var accepted = form == "accept";
            Confirm(!accepted ? Flash.TransferDeclined : answered.Kind == TransferKind.Out ? Flash.TransferAccepted : Flash.TransferReleased);

            // Accepting her into the user's area opens her record, now the user's; otherwise back to the inbox.
            return Redirect(accepted && answered.Kind == TransferKind.Out && answered.PregnancyId is { } pregnancy ? $"/pregnancies/{pregnancy}" : PageUrl());
        }

        Posted = (id, form);
        await LoadAsync(ct);
        return Rejected();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Direction = Direction is "outgoing" ? "outgoing" : "incoming";
        Status = Filters.Contains(Status) ? Status : "requested";
        Result = await sender.Send(new ListTransfers.Query(Direction, Status == "all" ? null : Status, Cursor, PageSize), ct);
        var facilities = new Dictionary<string, IReadOnlyList<ListFacilities.Item>>(StringComparer.Ordinal);
        foreach (var township in Result.Items.Where(t => t.CanDecide && t.Kind == TransferKind.Out).Select(t => t.ToDivisionCode[..9]).Distinct())
        {
            facilities[township] = await sender.Send(new ListFacilities.Query(township), ct);
        }

        Facilities = facilities;
    }
}
