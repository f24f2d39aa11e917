using System.Globalization;
using System.Net;

namespace HighRisk.Features.Messaging.Providers;

/// <summary>
/// Reads provider settings at start-up, so that a missing or malformed one stops the service with its name instead of
/// failing every message later. Collects every problem before it throws.
/// </summary>
internal sealed class ProviderSettings(IConfiguration configuration, string provider)
{
    private readonly List<string> _problems = [];

    public string Required(string key)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            _problems.Add($"{key} is not set (environment variable {key.Replace(":", "__", StringComparison.Ordinal)})");
            return string.Empty;
        }

        return value.Trim();
    }

    public string? Optional(string key) => string.IsNullOrWhiteSpace(configuration[key]) ? null : configuration[key]!.Trim();

    /// <summary>An absolute https address, or http to a loopback address (a local fake in tests).</summary>
    public Uri Address(string key, string? fallback)
    {
        var text = fallback is null ? Required(key) : Optional(key) ?? fallback;
        if (text.Length == 0)
        {
            return new Uri("https://invalid.invalid/");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var address)
            || !(address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && IsLoopback(address))))
        {
            _problems.Add($"{key} must be an https address (plain http only to a loopback address), not '{text}'");
            return new Uri("https://invalid.invalid/");
        }

        return address;
    }

    /// <summary>Sms:TimeoutSeconds, default 10: how long one request may take before it counts as a transient failure.</summary>
    public TimeSpan Timeout()
    {
        var text = Optional("Sms:TimeoutSeconds");
        if (text is null)
        {
            return TimeSpan.FromSeconds(10);
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 300)
        {
            _problems.Add($"Sms:TimeoutSeconds must be a number of seconds between 0 and 300, not '{text}'");
            return TimeSpan.FromSeconds(10);
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>A number of seconds from 0 to <paramref name="max"/>, <paramref name="fallback"/> when unset.</summary>
    public TimeSpan Seconds(string key, double fallback, double max)
    {
        var text = Optional(key);
        if (text is null)
        {
            return TimeSpan.FromSeconds(fallback);
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || seconds > max)
        {
            _problems.Add($"{key} must be a number of seconds between 0 and {max.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
            return TimeSpan.FromSeconds(fallback);
        }

        return TimeSpan.FromSeconds(seconds);
    }

    public void ThrowIfInvalid()
    {
        if (_problems.Count > 0)
        {
            throw new InvalidOperationException($"Sms:Provider is '{provider}' but its settings are incomplete: {string.Join("; ", _problems)}.");
        }
    }

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
