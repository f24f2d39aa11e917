using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Referrals;

/// <summary>What the referral tests share: an orange woman in Yuhu, a referral from her township, a step on it.</summary>
public abstract class ReferralFixture : ServiceFixture
{
    /// <summary>岳塘区妇幼保健计划生育服务中心: a county critical care centre outside Yuhu, where the tests' women live.</summary>
    protected const string Centre = "430304-MCH";

    protected static readonly JsonObject OrangeExam = new() { ["pulmonaryArteryPressure"] = 40 };

    protected HttpClient Township => Clients["township"];

    protected static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected async Task<Guid> OrangeWomanAsync()
    {
        var id = await Api.BookAsync(Bookings.AWoman(28));
        var exam = await Api.ExamAsync(id, Bookings.AnExam(measurements: OrangeExam.DeepClone().AsObject()));
        Assert.That(exam["grade"]!.GetValue<string>(), Is.EqualTo("orange"));
        return id;
    }

    protected async Task<JsonNode> ReferAsync(Guid pregnancyId, string urgency, HttpClient? client = null, string to = Centre)
    {
        var (status, body, _) = await Api.PostAsync(
            $"/api/pregnancies/{pregnancyId}/referrals", new { toFacilityCode = to, urgency, reason = "肺动脉高压，转上级评估", note = "已电话联系", smsOnFeedback = true },
            client: client ?? Township);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        return body!;
    }

    protected async Task<JsonNode> StepAsync(Guid referralId, string step, object? body, HttpClient client, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, answer, _) = await Api.PostAsync($"/api/referrals/{referralId}/{step}", body, client: client);
        Assert.That(status, Is.EqualTo(expected), $"{step}: {answer?.ToJsonString()}");
        return answer!;
    }
}
