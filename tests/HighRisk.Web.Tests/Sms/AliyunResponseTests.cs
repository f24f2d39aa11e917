using System.Net;
using HighRisk.Features.Messaging;
using HighRisk.Features.Messaging.Providers;

namespace HighRisk.SmsProviders.Tests;

/// <summary>The mapping of Alibaba Cloud answers to outcomes, row by row (the table in docs/sms.md).</summary>
public class AliyunResponseTests
{
    [TestCase(200, "isv.BUSINESS_LIMIT_CONTROL", SmsSendOutcome.Transient)]
    [TestCase(200, "isv.DAY_LIMIT_CONTROL", SmsSendOutcome.Transient)]
    [TestCase(400, "Throttling.User", SmsSendOutcome.Transient)]
    [TestCase(503, "Throttling", SmsSendOutcome.Transient)]
    [TestCase(200, "isp.SYSTEM_ERROR", SmsSendOutcome.Transient)]
    [TestCase(500, "isp.SYSTEM_ERROR", SmsSendOutcome.Transient)]
    [TestCase(400, "SignatureNonceUsed", SmsSendOutcome.Transient)]
    [TestCase(502, "SomethingNew", SmsSendOutcome.Transient)]
    [TestCase(200, "isp.SOMETHING_NEW", SmsSendOutcome.Transient)]
    [TestCase(200, "isv.MOBILE_NUMBER_ILLEGAL", SmsSendOutcome.Permanent)]
    [TestCase(200, "isv.SMS_TEMPLATE_ILLEGAL", SmsSendOutcome.Permanent)]
    [TestCase(200, "isv.SMS_SIGNATURE_ILLEGAL", SmsSendOutcome.Permanent)]
    [TestCase(200, "isv.AMOUNT_NOT_ENOUGH", SmsSendOutcome.Permanent)]
    [TestCase(200, "isv.SOMETHING_NEW", SmsSendOutcome.Permanent)]
    [TestCase(404, "InvalidAccessKeyId.NotFound", SmsSendOutcome.Permanent)]
    [TestCase(400, "SignatureDoesNotMatch", SmsSendOutcome.Permanent)]
    [TestCase(403, "Forbidden.RAM", SmsSendOutcome.Permanent)]
    [TestCase(400, "InvalidTimeStamp.Expired", SmsSendOutcome.Permanent)]
    public void ProviderCode_MapsToOutcomeWithCodeInError(int status, string code, SmsSendOutcome expected)
    {
        var result = AliyunSmsGateway.Interpret((HttpStatusCode)status, $$"""{"RequestId":"R-1","Code":"{{code}}","Message":"words"}""");

        Assert.That(result.Outcome, Is.EqualTo(expected));
        Assert.That(result.Error, Does.Contain(code).And.Contain("words").And.Contain($"HTTP {status}"));
    }

    [Test]
    public void CodeOk_IsAcceptedWithBizId()
    {
        var result = AliyunSmsGateway.Interpret(HttpStatusCode.OK, """{"Message":"OK","RequestId":"R-2","Code":"OK","BizId":"900619746936498440^0"}""");

        Assert.That(result, Is.EqualTo(SmsSendResult.Accepted("900619746936498440^0")));
    }

    [TestCase(502, SmsSendOutcome.Transient)]
    [TestCase(408, SmsSendOutcome.Transient)]
    [TestCase(429, SmsSendOutcome.Transient)]
    [TestCase(200, SmsSendOutcome.Transient)]
    [TestCase(400, SmsSendOutcome.Permanent)]
    [TestCase(301, SmsSendOutcome.Permanent)]
    public void UnreadableAnswer_MapsByStatus(int status, SmsSendOutcome expected)
    {
        Assert.That(AliyunSmsGateway.Interpret((HttpStatusCode)status, "<html>proxy error</html>").Outcome, Is.EqualTo(expected));
    }

    [Test]
    public void SignatureMismatchMessage_KeepsNumberAndTextOutOfTheError()
    {
        var answer = """{"Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation.""" +
            """ server string to sign is:POST&%2F&PhoneNumbers%3D13800138000%26TemplateParam%3D%257B%2522content"}""";

        var result = AliyunSmsGateway.Interpret(HttpStatusCode.BadRequest, answer);

        Assert.That(result.Error, Does.Contain("SignatureDoesNotMatch").And.Not.Contain("13800138000").And.Not.Contain("content"));
    }

    [Test]
    public void LongProviderMessage_IsCutToFitLastError()
    {
        var answer = $$"""{"Code":"isv.SOMETHING","Message":"{{new string('x', 2000)}}"}""";

        Assert.That(AliyunSmsGateway.Interpret(HttpStatusCode.OK, answer).Error, Has.Length.LessThanOrEqualTo(SmsPrivacy.MaxErrorLength + 1));
    }
}
