using System.Security.Cryptography;
using System.Text;

namespace HighRisk.Features.Messaging.Providers;

/// <summary>
/// Alibaba Cloud's RPC request signature, SignatureVersion 1.0 with HMAC-SHA1 (阿里云 RPC 签名机制):
/// the parameters except Signature, sorted by name and joined as <c>name=value&amp;…</c> with both percent-encoded,
/// make the canonical query; the string to sign is <c>METHOD&amp;%2F&amp;</c> + percent-encode(canonical query); the
/// signature is base64(HMAC-SHA1(AccessKeySecret + "&amp;", UTF-8(string to sign))).
/// Reference: https://www.alibabacloud.com/help/en/sms/signature-method; the worked examples are in the tests.
/// </summary>
public static class AliyunSignature
{
    /// <summary>RFC 3986 over UTF-8: A–Z a–z 0–9 - _ . ~ stay, every other byte is %XY in upper case (space is %20, * is %2A).</summary>
    public static string PercentEncode(string value)
    {
        var encoded = new StringBuilder(value.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    /// <summary>The parameters except Signature, sorted by name (ordinal), encoded and joined; also the form body of a request.</summary>
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => PercentEncode(p.Key) + "=" + PercentEncode(p.Value)));

    public static string StringToSign(string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters) =>
        httpMethod + "&" + PercentEncode("/") + "&" + PercentEncode(CanonicalQuery(parameters));

    /// <summary>The Signature parameter's value, before it is itself percent-encoded into the request.</summary>
    public static string Sign(string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters, string accessKeySecret)
    {
        // HMAC-SHA1 is what the protocol prescribes (SignatureMethod=HMAC-SHA1); it is a keyed MAC, not a bare SHA-1 digest.
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret + "&"), Encoding.UTF8.GetBytes(StringToSign(httpMethod, parameters)));
        return Convert.ToBase64String(mac);
    }
}
