using System.Net;

namespace HighRisk.Web.Tests.Pages;

public class HtmlEncodingTests : ServiceFixture
{
    [Test]
    public async Task ChineseOnAPage_IsServedAsTextNotAsCharacterReferences()
    {
        var response = await Anonymous.GetAsync(new Uri("/SignIn", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("高危孕产妇"), "the application's name in Chinese, as text");
            Assert.That(html, Does.Not.Match("&#x[0-9A-Fa-f]{4,5};"), "no numeric character references for CJK text");
        });
    }
}
