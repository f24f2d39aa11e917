using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation.Results;
using HighRisk.Localization;

namespace HighRisk.Infrastructure.Web;

/// <summary>
/// A request ASP.NET Core could not read, as a failure naming the field. Its exceptions say what went wrong only in
/// their message text (there is no type or code for "no body was provided" or for an unknown JSON member), so the
/// reading of that text lives here alone, with its own tests (RequestFailuresTests): a reworded framework message
/// fails those tests, not a user.
/// </summary>
public static partial class RequestFailures
{
    public static ValidationFailure Of(BadHttpRequestException bad) => bad switch
    {
        { StatusCode: StatusCodes.Status413PayloadTooLarge } => Messages.BodyTooLarge.At("body"),
        { InnerException: JsonException json } => Of(json),
        _ when bad.Message.Contains("no body was provided", StringComparison.Ordinal) => Messages.BodyMissing.At("body"),
        _ when bad.Message.StartsWith("Expected a supported JSON media type", StringComparison.Ordinal) => Messages.BodyNotJson.At("body"),
        _ when ParameterOf(bad.Message) == "cursor" => Messages.CursorUnknown.At("cursor"),
        _ when Unbound().Match(bad.Message) is { Success: true } unbound && Kinds.TryGetValue(unbound.Groups["type"].Value, out var kind) =>
            Messages.ParameterNotOfKind.At(unbound.Groups["name"].Value, ("Value", unbound.Groups["value"].Value), ("Kind", kind)),
        _ => Messages.ParameterInvalid.At(ParameterOf(bad.Message), ("Detail", bad.Message)),
    };

    /// <summary>What a query or route value must be, by the parameter's type, in words rather than .NET's type names.</summary>
    private static readonly Dictionary<string, Text> Kinds = new(StringComparer.Ordinal)
    {
        ["int"] = new("整数", "a whole number"),
        ["decimal"] = new("数字", "a number"),
        ["bool"] = new("true 或 false", "true or false"),
        ["DateOnly"] = new("有效日期（yyyy-MM-dd）", "a date (yyyy-MM-dd)"),
        ["DateTimeOffset"] = new("有效的日期时间（ISO 8601）", "a date and time (ISO 8601)"),
        ["Guid"] = new("有效的编号（UUID）", "an id (a UUID)"),
    };

    /// <summary>RequestDelegateFactory's "Failed to bind parameter \"Nullable&lt;int&gt; limit\" from \"abc\"."</summary>
    [GeneratedRegex("""^Failed to bind parameter "(?:Nullable<)?(?<type>[A-Za-z0-9]+)>? (?<name>[A-Za-z0-9]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex Unbound();

    public static ValidationFailure Of(JsonException json)
    {
        var field = json.Path is null or "$" ? "body" : json.Path.TrimStart('$', '.');
        if (json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return Messages.FieldUnknown.At(field, ("Field", field));
        }

        if (json.Message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            return Messages.FieldRepeated.At(field, ("Field", field));
        }

        return json.Path is null ? Messages.JsonInvalid.At(field) : Messages.ValueMalformed.At(field, ("Field", field));
    }

    /// <summary>Minimal-API binding messages name the parameter in quotes: 'Failed to bind parameter "Guid id"...'.</summary>
    private static string ParameterOf(string message)
    {
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        if (start < 0 || end < 0)
        {
            return "body";
        }

        var parameter = message[(start + 1)..end];
        var space = parameter.LastIndexOf(' ');
        return space < 0 ? parameter : parameter[(space + 1)..];
    }
}
