using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HighRisk.Features.Referrals;

public static class ReferralsEndpoints
{
    private const string States = "A step not allowed from the referral's state is 409 with `code` ReferralState and `state`. ";

    public static void MapReferrals(this IEndpointRouteBuilder api)
    {
        api.MapPost("/pregnancies/{id:guid}/referrals", async Task<Created<ReferPregnancy.Response>> (Guid id, ReferPregnancy.Command command, ISender sender, CancellationToken ct) =>
            {
                var referred = await sender.Send(command with { PregnancyId = id }, ct);
                return TypedResults.Created($"/api/referrals/{referred.ReferralId}", referred);
            })
            .WithTags("Referrals")
            .WithName("ReferPregnancy")
            .WithSummary("Refer her to another facility (转诊)")
            .WithDescription("`toFacilityCode`, `urgency` (routine, urgent, emergency — the green channel), `reason`, `note`; optional `date` (the clinical date, " +
                "today by default) and `smsOnFeedback` (tell the sender by SMS when the feedback comes). Answers `acceptBy` (the receiving facility's deadline: " +
                "2 hours for an emergency, 24 hours urgent, 2 working days routine; seeds/policy/referrals.json) and `outcomeDue` (14 days; it counts as a due date " +
                "in her follow-up schedule). The slip keeps her colour, factors, latest exam and open plan as they are now. An emergency sends an SMS to the " +
                "receiving facility's on-duty number. A second open referral to the same facility is 409 ReferralAlreadyOpen.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/pregnancies/{id:guid}/referrals/{referralId:guid}/outcome", async Task<Ok<RecordReferralOutcome.Response>> (
                Guid id, Guid referralId, RecordReferralOutcome.Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { PregnancyId = id, ReferralId = referralId }, ct)))
            .WithTags("Referrals")
            .WithName("RecordReferralOutcome")
            .WithSummary("Record a referral's outcome from the returned paper slip (转诊结果)")
            .WithDescription("The sending side, when the receiving facility does not answer in HighRisk: `date`, `outcome`. Completes the referral (its " +
                "`findings`) and settles its 14-day deadline. " + States)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var group = api.MapGroup("/referrals").WithTags("Referrals");

        group.MapGet("/", async Task<Ok<ListReferrals.Response>> (string? direction, string? facility, string? status, Guid? cursor, int? limit, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListReferrals.Query(direction, facility, status, cursor, limit), ct)))
            .WithName("ListReferrals")
            .WithSummary("The referral inboxes (转入 / 转出)")
            .WithDescription("`direction=incoming`: referrals sent to `facility` (default: the facility of the caller's account; required for accounts without one); " +
                "`direction=outgoing`: referrals of the women in the caller's area (`facility` then filters by receiving facility). Without `direction`: incoming for an " +
                "account tied to a facility, else outgoing. `status`: open, late, requested, accepted, declined, arrived, completed or cancelled. Newest first; pass " +
                "`nextCursor` back as `cursor` (`limit` 1–200, default 50). Each item: the referral (`answerLate`, `outcomeLate`, `feedbackNew`), her name and age, " +
                "colour at referral, township and facility names.")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", async Task<Ok<GetReferral.Response>> (Guid id, ISender sender, CancellationToken ct) =>
            {
                var referral = await sender.Send(new GetReferral.Query(id), ct);
                if (referral.IsSender && referral.Referral.FeedbackNew)
                {
                    await sender.Send(new MarkFeedbackSeen.Command(id), ct);
                }

                return TypedResults.Ok(referral);
            })
            .WithName("GetReferral")
            .WithSummary("Read a referral with its slip (双向转诊单)")
            .WithDescription("Her identity (numbers masked for the caller's role), the clinical summary made at referral (`slip`), every step, the feedback, and " +
                "`isReceiver`/`isSender`/`recordOpen`. The sending side's first read of new feedback marks it seen. Outside the caller's area and not the " +
                "receiving facility: 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        Step(group, "accept", "AcceptReferral", "Accept the referral (接收)", "The receiving facility's staff; no body.", (Guid id) => new AcceptReferral.Command { ReferralId = id });
        Step<DeclineReferral.Command>(group, "decline", "DeclineReferral", "Decline the referral, with a reason (拒收)",
            "The receiving facility's staff: `reason`. A critical maternal care centre may not decline an emergency: 409 ReferralEmergencyNotDeclinable.",
            (id, c) => c with { ReferralId = id });
        Step<RecordArrival.Command>(group, "arrive", "RecordReferralArrival", "Record her arrival (到达)",
            "The receiving facility's staff, after accepting: `date`. Her follow-up schedule counts the arrival as a reached clinic contact.", (id, c) => c with { ReferralId = id });
        Step<CompleteReferral.Command>(group, "complete", "CompleteReferral", "Send the feedback and refer her back down (回执、下转)",
            "The receiving facility's staff, after her arrival: `findings`, `treatment`, `advice`, `followUpOn` (the day her township sees her next: it becomes her " +
            "next due date). The sender sees it in the outgoing inbox (and by SMS when asked); the facility keeps her record 30 days more.",
            (id, c) => c with { ReferralId = id });
        Step<CancelReferral.Command>(group, "cancel", "CancelReferral", "Cancel the referral (撤销)",
            "The sending side, before she arrives: `reason`.", (id, c) => c with { ReferralId = id });
    }

    /// <summary>Mapped inside the administrators-only group.</summary>
    public static void MapReferralAdministration(this RouteGroupBuilder admin) =>
        admin.MapPost("/jobs/referral-review", Accepted<Admin.AdminEndpoints.JobQueued> (Hangfire.IBackgroundJobClient jobs) =>
                TypedResults.Accepted("/api/referrals", new Admin.AdminEndpoints.JobQueued(
                    Hangfire.BackgroundJobClientExtensions.Enqueue<ReferralReviewJob>(jobs, Infrastructure.Jobs.Queues.Alerts, job => job.RunAsync(CancellationToken.None)))))
            .WithTags("Referrals")
            .WithName("RunReferralReview")
            .WithSummary("Review the referrals now")
            .WithDescription("Queues the job that otherwise runs every 5 minutes: late answers and late outcomes, flagged on both sides and escalated once by SMS " +
                "to the receiving facility's on-duty number and the sender.");

    private static void Step(RouteGroupBuilder group, string path, string name, string summary, string description, Func<Guid, ICommand<ReferralSummary>> command) =>
        group.MapPost($"/{{id:guid}}/{path}", async Task<Ok<ReferralSummary>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command(id), ct)))
            .WithName(name).WithSummary(summary).WithDescription(description + " " + States + "Not the receiving facility: 403.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static void Step<T>(RouteGroupBuilder group, string path, string name, string summary, string description, Func<Guid, T, T> bind)
        where T : ICommand<ReferralSummary> =>
        group.MapPost($"/{{id:guid}}/{path}", async Task<Ok<ReferralSummary>> (Guid id, T command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(bind(id, command), ct)))
            .WithName(name).WithSummary(summary).WithDescription(description + " " + States + "Not the side the step belongs to: 403.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
