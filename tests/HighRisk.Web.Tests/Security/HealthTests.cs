using System.Net;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Security;

public class HealthTests
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task HealthEndpoint_AnswersHealthyWithoutSigningIn(string path)
    {
        var response = await TestHost.Anonymous.GetAsync(new Uri(path, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        var response = await TestHost.Anonymous.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
            Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
        });
    }
}
