using Hangfire;
using HighRisk.Features.Accounts;
using HighRisk.Features.Alerts;
using HighRisk.Features.Messaging;
using HighRisk.Infrastructure.Jobs;
using HighRisk.Features.Audit;
using HighRisk.Features.Cases;
using HighRisk.Features.Consultations;
using HighRisk.Features.Contacts;
using HighRisk.Features.Overdue;
using HighRisk.Infrastructure;
using HighRisk.Features.Risk;
using HighRisk.Localization;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HighRisk.Features.Admin;

/// <summary>Everything under /api/admin: administrators only (checked against the stored account on every request).</summary>
public static class AdminEndpoints
{
    public sealed record JobQueued(string JobId);

    public static void MapAdmin(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/admin").WithTags("Administration")
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.RequestServices.GetRequiredService<CurrentUser>().IsAdministrator
                    ? await next(context)
                    : TypedResults.Problem("Administrators only.", statusCode: StatusCodes.Status403Forbidden))
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/users", async Task<Ok<IReadOnlyList<ListUsers.Item>>> (string? division, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListUsers.Query(division), ct)))
            .WithName("ListUsers")
            .WithSummary("List accounts");

        group.MapPost("/users", async Task<Created<CreateUser.Response>> (CreateUser.Command command, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(command, ct);
                return TypedResults.Created($"/api/admin/users/{created.Id}", created);
            })
            .WithName("CreateUser")
            .WithSummary("Create an account with its role and scope")
            .WithDescription("Roles: `healthWorker` (with `facilityCode`), `subdistrictStaff` (9-digit `divisionCode`), `countyStaff` (6 digits), " +
                "`cityStaff` (4 digits), `administrator`. Without `password`, a generated one is answered once as `generatedPassword`.")
            .ProducesValidationProblem();

        group.MapPut("/users/{id:guid}", async Task<Ok<ListUsers.Item>> (Guid id, UpdateUser.Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { Id = id }, ct)))
            .WithName("UpdateUser")
            .WithSummary("Change an account's role, scope, contact details or password, or disable it")
            .WithDescription("Takes effect at once (scope is read from the account on every request); the user's refresh tokens stop working.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/audit", async Task<Ok<ListAuditEvents.Response>> (
                string? user, string? action, string? entityId, DateTimeOffset? from, DateTimeOffset? to, long? before, int? limit, Guid? referral,
                ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAuditEvents.Query(user, action, entityId, from, to, before, limit, referral), ct)))
            .WithName("ListAuditEvents")
            .WithSummary("Read the audit trail")
            .WithDescription("Every read of a woman's record, every change, export, sign-in and failed sign-in: who, when, what, from which address; " +
                "`referralId` when a facility outside her area acted through a referral (filter with `referral`). Newest first; pass `nextCursor` back as `before`.")
            .ProducesValidationProblem();

        group.MapContacts();
        group.MapCaseAdministration();
        Referrals.ReferralsEndpoints.MapReferralAdministration(group);
        Transfers.TransfersEndpoints.MapTransferAdministration(group);
        group.MapConsultationAdministration();
        Merges.MergesEndpoints.MapMerges(group);
        Reminders.RemindersEndpoints.MapReminderAdministration(group);

        group.MapPost("/jobs/daily-overdue", Results<Accepted<JobQueued>, ValidationProblem> (DateOnly? date, IBackgroundJobClient jobs, BusinessClock clock) =>
            {
                if (date is { } d && d > clock.Today)
                {
                    return Invalid(Messages.DateInFuture);
                }

                if (date is { } old && old < clock.Today.AddDays(-DailyOverdueCatchUp.MaxDaysBack))
                {
                    // A list is made from the records as they stand; a date further back would be today's list under an old date.
                    return Invalid(Messages.DailyJobDateTooOld, ("Days", DailyOverdueCatchUp.MaxDaysBack));
                }

                var day = date ?? clock.Today;
                var id = jobs.Enqueue<DailyOverdueJob>(job => job.RunAsync(day, CancellationToken.None));
                return TypedResults.Accepted($"/api/overdue?date={day:yyyy-MM-dd}", new JobQueued(id));
            })
            .WithName("RunDailyOverdue")
            .WithSummary("Run the daily overdue job for a date")
            .WithDescription("Queues the 07:00 job for `date` (yyyy-MM-dd, default today). It is idempotent per date: a date already done is left as it is and nothing is sent twice.")
            .ProducesValidationProblem();

        group.MapPost("/jobs/sms-delivery", Accepted<JobQueued> (IBackgroundJobClient jobs) =>
                TypedResults.Accepted("/api/alerts", new JobQueued(jobs.Enqueue<SmsDeliveryJob>(Queues.Alerts, job => job.RunAsync(CancellationToken.None)))))
            .WithName("RunSmsDelivery")
            .WithSummary("Deliver the SMS outbox now")
            .WithDescription("Queues the delivery job that otherwise runs every minute: due messages are sent, retried with back-off, or expired past their time to live.");

        group.MapPost("/jobs/alert-escalation", Accepted<JobQueued> (IBackgroundJobClient jobs) =>
                TypedResults.Accepted("/api/alerts", new JobQueued(jobs.Enqueue<AlertEscalationJob>(Queues.Alerts, job => job.RunAsync(CancellationToken.None)))))
            .WithName("RunAlertEscalation")
            .WithSummary("Escalate overdue alerts now")
            .WithDescription("Queues the escalation job that otherwise runs every 5 minutes: red alerts unacknowledged after 24 hours, " +
                "and alerts whose messages expired, go to the county and city contacts.");

        group.MapPost("/jobs/regrade", Accepted<JobQueued> (IBackgroundJobClient jobs) =>
            {
                var id = jobs.Enqueue<CatalogueUpgradeJob>(job => job.RunAsync(CancellationToken.None));
                return TypedResults.Accepted("/api/risk/catalogue/upgrades", new JobQueued(id));
            })
            .WithName("RunCatalogueUpgrade")
            .WithSummary("Re-grade open pregnancies graded with another catalogue version")
            .WithDescription("Queues the catalogue upgrade job (it also runs by itself at start-up when a new catalogue version is loaded). " +
                "Its report appears under GET /api/risk/catalogue/upgrades.");
    }

    /// <summary>A 400 naming the date, answered without a validator (the query binds no command).</summary>
    private static ValidationProblem Invalid(Message message, params (string Name, object? Value)[] values) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["date"] = [message.ApiText(values)] },
            extensions: new Dictionary<string, object?> { ["errorCodes"] = new Dictionary<string, string[]> { ["date"] = [message.Code] } });
}
