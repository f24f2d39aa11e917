using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HighRisk.Features.Merges;

/// <summary>The merge of two records of one woman, under /api/admin (administrators only).</summary>
public static class MergesEndpoints
{
    public static void MapMerges(this RouteGroupBuilder admin)
    {
        var merges = admin.MapGroup("").WithTags("Merges");
        merges.MapPost("/pregnancies/merge", async Task<Created<MergeView>> (MergePregnancies.Command command, ISender sender, CancellationToken ct) =>
            {
                var merge = await sender.Send(command, ct);
                return TypedResults.Created($"/api/admin/merges/{merge.Id}", merge);
            })
            .WithName("MergePregnancies")
            .WithSummary("Merge two records of one woman (重复建册)")
            .WithDescription("`mergeId`'s exams, follow-ups, grade history, raises and booking findings join `keepId`'s (in date order), and its referrals, " +
                "consultations and alerts follow; she is graded again from everything (a grade-history row with cause `merge`). `mergeId` is closed with " +
                "outcome `merged`. Both must be open and have no transfer waiting (409). Undoable for 30 days.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        merges.MapPost("/merges/{id:guid}/undo", async Task<Ok<MergeView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UndoMerge.Command { MergeId = id }, ct)))
            .WithName("UndoMerge")
            .WithSummary("Undo a merge (within 30 days)")
            .WithDescription("Each record gets back what was its own and is graded again (cause `unmerge`); the merged record is open again. What was " +
                "recorded on the kept record since the merge stays there. 409 `MergeUndone`, `MergeUndoExpired`, or `MergeRecordChanged` when her other " +
                "resident ID has been booked again since.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        merges.MapGet("/merges", async Task<Ok<ListMerges.Response>> (Guid? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMerges.Query(cursor), ct)))
            .WithName("ListMerges")
            .WithSummary("List merges, newest first")
            .WithDescription("50 per page; `nextCursor` gives the next page. `undoable` is true until the merge is undone or 30 days have passed.");
    }
}
