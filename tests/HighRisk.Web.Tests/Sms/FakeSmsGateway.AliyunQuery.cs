using System.Globalization;
using System.Net;

namespace HighRisk.SmsProviders.Tests;

/// <summary>
/// The fake's Alibaba Cloud QuerySendDetails (2017-05-25): the messages it delivered to one number on one day (Beijing
/// time, by the real clock, as Alibaba dates them), optionally one BizId, a page at a time (PageSize 1–50). The
/// common parameters, timestamp, nonce and signature are checked as for SendSms. Each detail carries what Alibaba's
/// does — OutId, PhoneNum, SendStatus, ErrCode, TemplateCode, Content, SendDate, ReceiveDate — and, like Alibaba's,
/// no BizId.
/// </summary>
public sealed partial class FakeSmsGateway
{
    private readonly Dictionary<string, DateTimeOffset> _sentAt = [];
    private int _aliyunQueries;

    /// <summary>QuerySendDetails requests the fake answered (well signed and well formed), whatever they found.</summary>
    public int AliyunQueries
    {
        get
        {
            lock (_gate)
            {
                return _aliyunQueries;
            }
        }
    }

    /// <summary>Called under the lock, after the common checks.</summary>
    private (HttpStatusCode Status, object Body) QuerySendDetails(Dictionary<string, string> parameters, string requestId)
    {
        (HttpStatusCode, object) Error(string code, string message) =>
            (HttpStatusCode.BadRequest, new { RequestId = requestId, HostId = "dysmsapi.aliyuncs.com", Code = code, Message = message });

        string Parameter(string name) => parameters.GetValueOrDefault(name) ?? string.Empty;
        foreach (var required in new[] { "PhoneNumber", "SendDate", "PageSize", "CurrentPage" })
        {
            if (Parameter(required).Length == 0)
            {
                return Error("MissingParameter", $"The input parameter \"{required}\" that is mandatory for processing this request is not supplied.");
            }
        }

        if (!DateOnly.TryParseExact(Parameter("SendDate"), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Error("InvalidParameter", "SendDate must be yyyyMMdd.");
        }

        if (!int.TryParse(Parameter("PageSize"), CultureInfo.InvariantCulture, out var pageSize) || pageSize is < 1 or > 50
            || !int.TryParse(Parameter("CurrentPage"), CultureInfo.InvariantCulture, out var page) || page < 1)
        {
            return Error("InvalidParameter", "PageSize must be 1 to 50 and CurrentPage at least 1.");
        }

        _aliyunQueries++;
        var bizId = parameters.GetValueOrDefault("BizId");
        var found = _delivered
            .Where(sms => sms.Phone == Parameter("PhoneNumber") && Beijing(_sentAt[sms.BizId]).Date == day.ToDateTime(TimeOnly.MinValue))
            .Where(sms => string.IsNullOrEmpty(bizId) || sms.BizId == bizId)
            .ToList();
        var details = found.Skip((page - 1) * pageSize).Take(pageSize).Select(sms => new
        {
            PhoneNum = sms.Phone,
            SendStatus = 1,
            ErrCode = "DELIVERED",
            sms.TemplateCode,
            Content = $"【{sms.SignName}】{sms.TemplateParams}",
            SendDate = Beijing(_sentAt[sms.BizId]).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ReceiveDate = Beijing(_sentAt[sms.BizId]).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            sms.OutId,
        });
        return (HttpStatusCode.OK, new
        {
            Code = "OK",
            Message = "OK",
            RequestId = requestId,
            TotalCount = found.Count.ToString(CultureInfo.InvariantCulture),
            SmsSendDetailDTOs = new { SmsSendDetailDTO = details.ToList() },
        });
    }

    private static DateTimeOffset Beijing(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(8));
}
