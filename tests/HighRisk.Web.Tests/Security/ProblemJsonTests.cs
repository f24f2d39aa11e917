using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Security;

/// <summary>
/// Every API error is an application/problem+json answer with its status, whatever the client accepts: a browser's
/// text/html, application/xml, text/plain, or no Accept header at all. The web pages keep answering HTML.
/// </summary>
public class ProblemJsonTests
{
    private static readonly string?[] Accepts = ["text/html", "application/xml", "text/plain", null];

    private static IEnumerable<TestCaseData> Failures()
    {
        foreach (var accept in Accepts)
        {
            var shown = accept?.Replace('/', '_') ?? "none";
            yield return new TestCaseData(accept, "unauthenticated", HttpStatusCode.Unauthorized).SetName($"Unauthenticated_Accept_{shown}_Is401ProblemJson");
            yield return new TestCaseData(accept, "unknown id", HttpStatusCode.NotFound).SetName($"UnknownId_Accept_{shown}_Is404ProblemJson");
            yield return new TestCaseData(accept, "wrong method", HttpStatusCode.MethodNotAllowed).SetName($"WrongMethod_Accept_{shown}_Is405ProblemJson");
            yield return new TestCaseData(accept, "text body", HttpStatusCode.UnsupportedMediaType).SetName($"TextBody_Accept_{shown}_Is415ProblemJson");
            yield return new TestCaseData(accept, "bad body", HttpStatusCode.BadRequest).SetName($"MalformedBody_Accept_{shown}_Is400ProblemJsonNamingTheField");
            yield return new TestCaseData(accept, "second booking", HttpStatusCode.Conflict).SetName($"SecondOpenPregnancy_Accept_{shown}_Is409ProblemJsonWithItsCode");
        }
    }

    [TestCaseSource(nameof(Failures))]
    public async Task Failure_AnyAccept_AnswersProblemJson(string? accept, string failure, HttpStatusCode expected)
    {
        using var request = await RequestAsync(failure);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        var client = failure == "unauthenticated" ? TestHost.Anonymous : TestHost.Client;
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        var problem = JsonNode.Parse(text)!;
        Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo((int)expected), text);
        switch (expected)
        {
            case HttpStatusCode.BadRequest:
                Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { "fullName" }), text);
                Assert.That(problem["errorCodes"]!["fullName"]![0]!.GetValue<string>(), Is.EqualTo("ValueMalformed"), text);
                break;
            case HttpStatusCode.Conflict:
                Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("OpenPregnancyExists"), text);
                Assert.That(problem["openPregnancyId"], Is.Not.Null, text);
                break;
            case HttpStatusCode.NotFound:
                Assert.That(problem["detail"]!.GetValue<string>(), Is.EqualTo("No such pregnancy."), text);
                break;
        }
    }

    [TestCase("text/html")]
    [TestCase(null)]
    public async Task SignInPage_AnyAccept_IsStillHtml(string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        using var response = await TestHost.Anonymous.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
    }

    private static async Task<HttpRequestMessage> RequestAsync(string failure)
    {
        switch (failure)
        {
            case "unauthenticated":
                return new HttpRequestMessage(HttpMethod.Get, "/api/pregnancies");
            case "unknown id":
                return new HttpRequestMessage(HttpMethod.Get, $"/api/pregnancies/{Guid.NewGuid()}");
            case "wrong method":
                return new HttpRequestMessage(HttpMethod.Delete, "/api/pregnancies");
            case "text body":
                return new HttpRequestMessage(HttpMethod.Post, "/api/pregnancies") { Content = new StringContent("{}", Encoding.UTF8, "text/plain") };
            case "bad body":
                return new HttpRequestMessage(HttpMethod.Post, "/api/pregnancies") { Content = new StringContent("{\"fullName\": ", Encoding.UTF8, "application/json") };
            default:
                var woman = Bookings.AWoman();
                await Api.BookAsync(woman);
                return new HttpRequestMessage(HttpMethod.Post, "/api/pregnancies") { Content = new StringContent(woman.ToJsonString(), Encoding.UTF8, "application/json") };
        }
    }
}
