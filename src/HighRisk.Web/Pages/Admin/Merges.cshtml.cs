using System.Text.RegularExpressions;
using HighRisk.Features.Accounts;
using HighRisk.Features.Merges;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Admin;

/// <summary>
/// 档案合并 (administrators): two records named by their ids (or their pages' addresses) are shown side by side to check
/// they are one woman, then merged with <see cref="MergePregnancies"/>; the merges made are listed newest first, each
/// undoable (<see cref="UndoMerge"/>) for 30 days.
/// </summary>
public sealed partial class MergesModel(ISender sender, CurrentUser user) : FormPage
{
    [BindProperty(SupportsGet = true)]
    public Guid? Keep { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Cursor { get; set; }

    /// <summary>The two records being compared, once both are found.</summary>
    public (GetPregnancy.Response Keep, GetPregnancy.Response Merge)? Compared { get; private set; }

    public ListMerges.Response Merges { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.IsAdministrator)
        {
            return Refused();
        }

        Form.Set("keep", Keep?.ToString());
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Finds both records and shows them side by side; nothing is changed yet.</summary>
    public async Task<IActionResult> OnPostCompareAsync(CancellationToken ct)
    {
        if (!user.IsAdministrator)
        {
            return Refused();
        }

        Form = FormState.Of(Request.Form);
        var (keep, merge) = (IdIn("keep"), IdIn("merge"));
        if (keep is { } k && merge is { } m)
        {
            var keepRecord = await TrySendAsync(c => sender.Send(new GetPregnancy.Query(k), c));
            var mergeRecord = keepRecord is null ? null : await TrySendAsync(c => sender.Send(new GetPregnancy.Query(m), c));
            Compared = keepRecord is not null && mergeRecord is not null ? (keepRecord, mergeRecord) : null;
        }

        await LoadAsync(ct);
        return Compared is null ? Rejected() : Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(CancellationToken ct)
    {
        if (!user.IsAdministrator)
        {
            return Refused();
        }

        Form = FormState.Of(Request.Form);
        var command = new MergePregnancies.Command { KeepId = IdIn("keep"), MergeId = IdIn("merge") };
        if (Form.IsValid && await TrySendAsync(c => sender.Send(command, c), field => field == "keepId" ? "keep" : field == "mergeId" ? "merge" : field) is { } merged)
        {
            Confirm(Flash.Merged);
            return Redirect($"/pregnancies/{merged.Keep.Id}");
        }

        await LoadAsync(ct);
        return Rejected();
    }

    public async Task<IActionResult> OnPostUndoAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsAdministrator)
        {
            return Refused();
        }

        if (await TrySendAsync(c => sender.Send(new UndoMerge.Command { MergeId = id }, c)) is not null)
        {
            Confirm(Flash.MergeUndone);
            return Redirect("/admin/merges");
        }

        await LoadAsync(ct);
        return Rejected();
    }

    private async Task LoadAsync(CancellationToken ct) => Merges = await sender.Send(new ListMerges.Query(Cursor), ct);

    /// <summary>The record id in a field: the id itself, or the address of her record's page.</summary>
    private Guid? IdIn(string field)
    {
        var text = Form.Text(field);
        if (text is not null && RecordId().Match(text) is { Success: true } match && Guid.TryParse(match.Value, out var id))
        {
            return id;
        }

        Form.Add(field, Messages.MergeRecordId.Shown);
        return null;
    }

    private IActionResult Refused()
    {
        Form.Problem = Messages.MergeAdministratorsOnly.Shown;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex RecordId();
}
