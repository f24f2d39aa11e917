using Hangfire;
using HighRisk.Features.Alerts;
using HighRisk.Features.Audit;
using HighRisk.Features.Cases;
using HighRisk.Features.Consultations;
using HighRisk.Features.Messaging;
using HighRisk.Features.Overdue;

namespace HighRisk.Infrastructure.Jobs;

/// <summary>The one place recurring jobs are registered, with stable ids, cron from configuration, Asia/Shanghai time.</summary>
public static class RecurringJobs
{
    public const string DailyOverdue = "daily-overdue";
    public const string SmsDelivery = "sms-delivery";
    public const string MailDelivery = "mail-delivery";
    public const string AuditRetention = "audit-retention";
    public const string AlertEscalation = "alert-escalation";
    public const string CaseReview = "case-review";
    public const string ReferralReview = "referral-review";
    public const string TransferReview = "transfer-review";
    public const string ConsultationReview = "consultation-review";
    public const string Reminders = "reminders";

    public static void Register(IServiceProvider services, IConfiguration configuration)
    {
        var jobs = services.GetRequiredService<IRecurringJobManager>();
        var shanghai = new RecurringJobOptions { TimeZone = BusinessClock.Zone };
        jobs.AddOrUpdate<DailyOverdueJob>(DailyOverdue, job => job.RunTodayAsync(CancellationToken.None), configuration["Jobs:DailyOverdueCron"] ?? "0 7 * * *", shanghai);
        jobs.AddOrUpdate<SmsDeliveryJob>(SmsDelivery, Queues.Alerts, job => job.RunAsync(CancellationToken.None), configuration["Jobs:SmsDeliveryCron"] ?? "* * * * *", shanghai);
        jobs.AddOrUpdate<MailDeliveryJob>(MailDelivery, job => job.RunAsync(CancellationToken.None), configuration["Jobs:MailDeliveryCron"] ?? "*/5 * * * *", shanghai);
        jobs.AddOrUpdate<AlertEscalationJob>(AlertEscalation, Queues.Alerts, job => job.RunAsync(CancellationToken.None), configuration["Jobs:AlertEscalationCron"] ?? "*/5 * * * *", shanghai);
        jobs.AddOrUpdate<CaseReviewJob>(CaseReview, Queues.Alerts, job => job.RunAsync(CancellationToken.None), configuration["Jobs:CaseReviewCron"] ?? "*/5 * * * *", shanghai);
        jobs.AddOrUpdate<Features.Referrals.ReferralReviewJob>(
            ReferralReview, Queues.Alerts, job => job.RunAsync(CancellationToken.None), configuration["Jobs:ReferralReviewCron"] ?? "*/5 * * * *", shanghai);
        jobs.AddOrUpdate<Features.Transfers.TransferReviewJob>(
            TransferReview, Queues.Alerts, job => job.RunAsync(CancellationToken.None), configuration["Jobs:TransferReviewCron"] ?? "7 * * * *", shanghai);
        jobs.AddOrUpdate<ConsultationReviewJob>(
            ConsultationReview, Queues.Alerts, job => job.RunAsync(CancellationToken.None), configuration["Jobs:ConsultationReviewCron"] ?? "*/5 * * * *", shanghai);
        jobs.AddOrUpdate<Features.Reminders.ReminderJob>(Reminders, job => job.RunAsync(CancellationToken.None), configuration["Jobs:RemindersCron"] ?? "30 7 * * *", shanghai);
        jobs.AddOrUpdate<AuditRetentionJob>(AuditRetention, job => job.RunAsync(CancellationToken.None), configuration["Jobs:AuditRetentionCron"] ?? "30 3 * * *", shanghai);
    }
}
