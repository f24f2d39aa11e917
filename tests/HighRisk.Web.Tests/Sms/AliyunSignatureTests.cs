using HighRisk.Features.Messaging.Providers;
using Microsoft.Extensions.Logging.Abstractions;

namespace HighRisk.SmsProviders.Tests;

public class AliyunSignatureTests
{
    /// <summary>Alibaba Cloud's published SendSms signing example (GET, AccessKey testId / testSecret), listed out of order.</summary>
    private static readonly Dictionary<string, string> DocumentedSendSms = new()
    {
        ["TemplateParam"] = """{"customer":"test"}""",
        ["Timestamp"] = "2017-07-12T02:42:19Z",
        ["SignatureNonce"] = "45e25e9b-0a6f-4070-8c85-2956eda1b466",
        ["AccessKeyId"] = "testId",
        ["Action"] = "SendSms",
        ["Format"] = "XML",
        ["OutId"] = "123",
        ["PhoneNumbers"] = "15300000001",
        ["RegionId"] = "cn-hangzhou",
        ["SignName"] = "阿里云短信测试专用",
        ["SignatureMethod"] = "HMAC-SHA1",
        ["SignatureVersion"] = "1.0",
        ["TemplateCode"] = "SMS_71390007",
        ["Version"] = "2017-05-25",
    };

    [Test]
    public void DocumentedSendSmsExample_GivesDocumentedStringToSign()
    {
        Assert.That(AliyunSignature.StringToSign("GET", DocumentedSendSms), Is.EqualTo(
            "GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001"
            + "%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1"
            + "%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1"
            + "%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007"
            + "%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z"
            + "%26Version%3D2017-05-25"));
    }

    [Test]
    public void DocumentedSendSmsExample_GivesDocumentedSignature()
    {
        Assert.That(AliyunSignature.Sign("GET", DocumentedSendSms, "testSecret"), Is.EqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4="));
    }

    [Test]
    public void DocumentedDescribeRegionsExample_GivesDocumentedSignature()
    {
        var parameters = new Dictionary<string, string>
        {
            ["Timestamp"] = "2016-02-23T12:46:24Z",
            ["Format"] = "XML",
            ["AccessKeyId"] = "testid",
            ["Action"] = "DescribeRegions",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
            ["Version"] = "2014-05-26",
            ["SignatureVersion"] = "1.0",
        };

        Assert.That(AliyunSignature.Sign("GET", parameters, "testsecret"), Is.EqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY="));
    }

    [TestCase("a b", "a%20b")]
    [TestCase("a*b", "a%2Ab")]
    [TestCase("a~b", "a~b")]
    [TestCase("a+b", "a%2Bb")]
    [TestCase("-_.", "-_.")]
    [TestCase("/:&=", "%2F%3A%26%3D")]
    [TestCase("镇", "%E9%95%87")]
    public void Characters_AreEncodedTheAlibabaWay(string raw, string encoded)
    {
        Assert.That(AliyunSignature.PercentEncode(raw), Is.EqualTo(encoded));
    }

    /// <summary>
    /// The request body the gateway POSTs, with a fixed nonce and time and dummy keys. The expected value was computed
    /// independently (Python: urllib.parse.quote(…, safe='~'), hmac, sha1) from the same parameters; it pins the
    /// parameter set, OutId in "N" form, the UTC timestamp, the encoding of space and * and the POST signature.
    /// </summary>
    [Test]
    public void GatewayRequestBody_WithFixedNonceAndTimestamp_MatchesWorkedExample()
    {
        var configuration = TestGateways.Configuration(new Dictionary<string, string?>
        {
            ["Sms:Aliyun:AccessKeyId"] = "LTAI-dummy-key-id",
            ["Sms:Aliyun:AccessKeySecret"] = "dummy-secret",
            ["Sms:Aliyun:SignName"] = "高危孕产妇管理",
        });
        using var http = new HttpClient();
        var gateway = new AliyunSmsGateway(http, configuration, TestGateways.SystemClock, NullLogger<AliyunSmsGateway>.Instance);
        var message = TestGateways.Message(templateParams: """{"township":"楠竹山镇","total":"3 人*"}""", id: Guid.Parse("0195f3a2-b4c8-4d6e-8f0a-1b2c3d4e5f60"));

        var body = gateway.SignedBody(message, "SMS_480245001", "5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f", new DateTimeOffset(2026, 3, 16, 10, 0, 0, TimeSpan.FromHours(8)));

        Assert.That(body, Is.EqualTo(
            "AccessKeyId=LTAI-dummy-key-id&Action=SendSms&Format=JSON&OutId=0195f3a2b4c84d6e8f0a1b2c3d4e5f60&PhoneNumbers=13800138000"
            + "&RegionId=cn-hangzhou&SignName=%E9%AB%98%E5%8D%B1%E5%AD%95%E4%BA%A7%E5%A6%87%E7%AE%A1%E7%90%86&SignatureMethod=HMAC-SHA1"
            + "&SignatureNonce=5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f&SignatureVersion=1.0&TemplateCode=SMS_480245001"
            + "&TemplateParam=%7B%22township%22%3A%22%E6%A5%A0%E7%AB%B9%E5%B1%B1%E9%95%87%22%2C%22total%22%3A%223%20%E4%BA%BA%2A%22%7D"
            + "&Timestamp=2026-03-16T02%3A00%3A00Z&Version=2017-05-25&Signature=Mkuj%2BSfkOAjhcjM%2BBjbAPmLRrVY%3D"));
    }
}
