using HighRisk.Features.Accounts;
using HighRisk.Infrastructure;
using HighRisk.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HighRisk.Pages.Admin;

/// <summary>
/// 合并重复档案, administrators only (403 for anyone else, as the /api/admin endpoints answer): one record merged into the
/// one kept — POST /api/admin/pregnancies/merge {keepId, mergeId} answers 201 {mergeId, keptId, grade, purple, exams,
/// followUps} — and the merges made, each with an undo while its time lasts (GET /api/admin/merges, POST
/// /api/admin/merges/{id}/undo).
/// TODO(merge): those commands are being built on main and are not in this branch. Until they are, the form is read and
/// checked here (two record ids, not the same) and then says merging is not connected; the list is empty. Wire
/// <see cref="OnPostMerge"/>, <see cref="OnPostUndo"/> and <see cref="LoadMerges"/> to the mediator then.
/// </summary>
public sealed class MergesModel(CurrentUser user, BusinessClock clock) : FormPage
{
    public bool Allowed => user.IsAdministrator;

    public IReadOnlyList<MergeView> Merges { get; private set; } = [];

    /// <summary>The merge just made (the 201's answer), shown above the form.</summary>
    public MergeResult? Merged { get; private set; }

    public IActionResult OnGet()
    {
        if (!Allowed)
        {
            return Forbidden();
        }

        LoadMerges();
        return Page();
    }

    public IActionResult OnPostMerge()
    {
        if (!Allowed)
        {
            return Forbidden();
        }

        Form = FormState.Of(Request.Form);
        var keep = RecordId("keepId");
        var merge = RecordId("mergeId");
        if (keep is not null && keep == merge)
        {
            Form.Add("mergeId", Texts.SameRecord);
        }

        if (Form.IsValid)
        {
            // TODO(merge): Merged = await TrySendAsync(c => sender.Send(new MergePregnancies.Command(keep, merge), c)); a 201 renders Merged.
            Form.Problem = Texts.MergeUnavailable;
        }

        LoadMerges();
        return Merged is null ? Rejected() : Page();
    }

    public IActionResult OnPostUndo(Guid id)
    {
        if (!Allowed)
        {
            return Forbidden();
        }

        // TODO(merge): if (await TrySendAsync(c => sender.Send(new UndoMerge.Command(id), c)) is not null) { Confirm(Flash.MergeUndone); return Redirect("/admin/merges"); }
        _ = id;
        Form.Problem = Texts.MergeUnavailable;
        LoadMerges();
        return Rejected();
    }

    /// <summary>Whether a merge may still be undone: not undone yet, and its time to undo not over.</summary>
    public bool MayUndo(MergeView merge) => merge.UndoneAt is null && merge.UndoUntil > clock.Now;

    /// <summary>TODO(merge): Merges = await sender.Send(new ListMerges.Query(), ct).</summary>
    private void LoadMerges() => Merges = [];

    /// <summary>A record id as typed (spaces and braces forgiven); a message beside the field when it is none.</summary>
    private Guid? RecordId(string name)
    {
        if (Form.Text(name) is not { } text)
        {
            Form.Add(name, Messages.NotEmpty.Shown);
            return null;
        }

        if (Guid.TryParse(text.Trim('{', '}', ' '), out var id))
        {
            return id;
        }

        Form.Add(name, Texts.NotARecordId);
        return null;
    }

    private PageResult Forbidden()
    {
        Form.Problem = Texts.AdministratorsOnly;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}

/// <summary>A merge as GET /api/admin/merges lists it.</summary>
public sealed record MergeView(Guid Id, Guid KeptId, Guid MergedId, DateTimeOffset MergedAt, string MergedBy, DateTimeOffset UndoUntil, DateTimeOffset? UndoneAt);

/// <summary>A merge's answer (201): the kept record's grade after it, and how many exams and follow-ups it now has.</summary>
public sealed record MergeResult(Guid MergeId, Guid KeptId, string Grade, bool Purple, int Exams, int FollowUps);
