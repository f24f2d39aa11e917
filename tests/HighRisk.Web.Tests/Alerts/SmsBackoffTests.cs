using HighRisk.Features.Messaging;

namespace HighRisk.Web.Tests.Alerts;

/// <summary>When a transient failure is tried again: seconds for a red alert, minutes doubling for a digest. No service needed.</summary>
public class SmsBackoffTests
{
    [TestCase(SmsKind.Alert, 1, 10)]
    [TestCase(SmsKind.Alert, 2, 30)]
    [TestCase(SmsKind.Alert, 3, 60)]
    [TestCase(SmsKind.Alert, 4, 120)]
    [TestCase(SmsKind.Escalation, 40, 120)]
    [TestCase(SmsKind.Digest, 1, 300)]
    [TestCase(SmsKind.Digest, 2, 600)]
    [TestCase(SmsKind.Digest, 8, 21600)]
    public void Backoff_IsSecondsForAlertsAndMinutesDoublingForDigests(SmsKind kind, int attempts, int seconds) =>
        Assert.That(RecordSmsSend.Backoff(kind, attempts), Is.EqualTo(TimeSpan.FromSeconds(seconds)));
}
