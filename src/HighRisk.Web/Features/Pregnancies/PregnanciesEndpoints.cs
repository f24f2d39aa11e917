using HighRisk.Features.Exams;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HighRisk.Features.Pregnancies;

public static class PregnanciesEndpoints
{
    public static void MapPregnancies(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/pregnancies").WithTags("Pregnancies");

        group.MapPost("/", async Task<Created<BookPregnancy.Response>> (BookPregnancy.Command command, ISender sender, CancellationToken ct) =>
            {
                var booked = await sender.Send(command, ct);
                return TypedResults.Created($"/api/pregnancies/{booked.Id}", booked);
            })
            .WithName("BookPregnancy")
            .WithSummary("Book a pregnancy (建册)")
            .WithDescription("Opens a pregnancy record and grades it. A woman (same resident ID) has at most one open pregnancy: a second booking answers 409 with `openPregnancyId`.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/", async Task<Ok<ListPregnancies.Response>> (
                string? division, string? grade, bool? purple, string? status, string? q, bool? overdue, string? cursor, int? limit,
                ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPregnancies.Query(division, grade, purple, status, q, cursor, limit, overdue), ct)))
            .WithName("ListPregnancies")
            .WithSummary("List pregnancies")
            .WithDescription("Filtered by division-code prefix (`division`), `grade` (green|yellow|orange|red), `purple`, " +
                "`status` (open|closed|postpartum: delivered and the 42-day check not yet made), `overdue` (true: " +
                "overdue or lost to follow-up) and `q` (name, mobile, or the last digits of the resident ID). " +
                "Newest booking first; pass `nextCursor` back as `cursor` for the next page (`limit` 1–200, default 50).")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", async Task<Ok<GetPregnancy.Response>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPregnancy.Query(id), ct)))
            .WithName("GetPregnancy")
            .WithSummary("Read a pregnancy record")
            .WithDescription("The woman, the current grade with its active factors and their evidence, every exam and the grade history.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/close", async Task<Ok<ClosePregnancy.Response>> (Guid id, ClosePregnancy.Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { PregnancyId = id }, ct)))
            .WithName("ClosePregnancy")
            .WithSummary("Close a pregnancy (结案)")
            .WithDescription("Outcome `delivery` (with `mode`, and optionally `dischargeDate` and `deliveryFacilityCode`, where she gave birth), " +
                "`miscarriage`, `termination`, `movedAway` (handed over to a receiving facility, " +
                "named in the optional `receivingFacility`; a move with none is recorded as a failed follow-up with `movedAway`, " +
                "which keeps her on the lists as lost) or `maternalDeath`, and its date. A closed pregnancy takes no new exams (409), " +
                "except after a delivery: exams dated from the birth until the 42-day check are the postpartum re-assessment.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/exams", async Task<Created<RecordExam.Response>> (Guid id, RecordExam.Command command, ISender sender, CancellationToken ct) =>
            {
                var recorded = await sender.Send(command with { PregnancyId = id }, ct);
                return TypedResults.Created($"/api/pregnancies/{id}/exams/{recorded.ExamId}", recorded);
            })
            .WithTags("Exams")
            .WithName("RecordExam")
            .WithSummary("Record an exam (产检; after the birth, the postpartum re-assessment 产后风险评估)")
            .WithDescription("Records measurements (names, units and plausible ranges in the schema and docs/observations.md), " +
                "coded findings and resolutions, and re-grades the pregnancy in the same transaction. Answers the grade after " +
                "the exam and the grade before it. After a delivery, an exam dated from the birth until the 42-day check " +
                "re-assesses her and counts as the postpartum visit (before day 28) or the 42-day check (from day 28, which ends the episode); " +
                "the catalogue's `postpartum` findings (o_puerperal, r_postpartum_unstable) are taken only then (400 " +
                "naming `findings[i]` before the birth); an exam dated before the birth, or after the 42-day check, is 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/follow-ups", async Task<Created<FollowUps.RecordFollowUp.Response>> (Guid id, FollowUps.RecordFollowUp.Command command, ISender sender, CancellationToken ct) =>
            {
                var recorded = await sender.Send(command with { PregnancyId = id }, ct);
                return TypedResults.Created($"/api/pregnancies/{id}", recorded);
            })
            .WithTags("Follow-ups")
            .WithName("RecordFollowUp")
            .WithSummary("Record a follow-up contact (随访)")
            .WithDescription("`date`, `kind` (`phone`, `homeVisit`, `clinicVisit`), `reached`, `note`, `nextAppointment`. A reached contact counts " +
                "as a contact and moves the next due date (the earlier of the appointment and the policy interval for her colour); " +
                "a failed attempt leaves the due date and counts towards lost to follow-up (lost at once on the second, 14 days after the first). " +
                "`movedAway: true` on a failed attempt records that she moved away with no receiving facility: lost at once, " +
                "until a reached contact finds her. After a delivery, reached contacts count as the postpartum visit, then the 42-day check.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/raise", async Task<Ok<Risk.RaiseGrade.Response>> (Guid id, Risk.RaiseGrade.Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { PregnancyId = id }, ct)))
            .WithTags("Risk")
            .WithName("RaiseGrade")
            .WithSummary("Raise the colour by hand")
            .WithDescription("A clinician raises the colour (`yellow`, `orange` or `red`) with a `reason`. " +
                "The raise holds until a later exam lists its `raiseId` under `resolved`; there is no manual lowering.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}/exams/{examId:guid}", async Task<Ok<GetPregnancy.ExamView>> (Guid id, Guid examId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetExam.Query(id, examId), ct)))
            .WithTags("Exams")
            .WithName("GetExam")
            .WithSummary("Read one exam")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
