using System.Text.RegularExpressions;

namespace HighRisk.Features.Messaging.Providers;

/// <summary>
/// What may leave a provider call for the logs and the outbox's last_error: a masked mobile number (138****5678) and a
/// provider's message with any mobile number in it masked and its length bounded. Never the text or a secret.
/// </summary>
public static partial class SmsPrivacy
{
    /// <summary>Room left in last_error (500 characters) for the provider's words.</summary>
    public const int MaxErrorLength = 300;

    public static string Mask(string recipient) =>
        recipient.Length >= 7 ? recipient[..3] + "****" + recipient[^4..] : "****";

    /// <summary>
    /// Masks mobile numbers and cuts the text short. Alibaba Cloud's SignatureDoesNotMatch message quotes its whole
    /// string to sign (the number and the text among it), so everything from "string to sign" on is dropped.
    /// </summary>
    public static string Scrub(string providerText)
    {
        var cut = providerText.IndexOf("string to sign", StringComparison.OrdinalIgnoreCase);
        var text = cut >= 0 ? providerText[..cut].TrimEnd() + " [string to sign withheld]" : providerText;
        text = MobileNumber().Replace(text, m => Mask(m.Value)).ReplaceLineEndings(" ");
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength] + "…";
    }

    [GeneratedRegex(@"(?<!\d)1\d{10}(?!\d)")]
    private static partial Regex MobileNumber();
}
