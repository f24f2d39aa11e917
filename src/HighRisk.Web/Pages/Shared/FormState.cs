using System.Globalization;
using System.Text;
using System.Text.Json;
using FluentValidation;
using HighRisk.Localization;
using Microsoft.Extensions.Primitives;

namespace HighRisk.Pages;

/// <summary>
/// A form as the user filled it in: every value as typed, keyed by the API's field path (<c>fullName</c>,
/// <c>history.parity</c>, <c>measurements.hemoglobin</c>), and the messages for each field. A rejected form is
/// rendered again from here, so nothing typed is lost, and each message lands beside the field the API names.
/// </summary>
public sealed class FormState
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd"];
    private readonly Dictionary<string, StringValues> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Text>> _errors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _shown = new(StringComparer.Ordinal);

    /// <summary>A message about the whole form (a conflict with the stored record), shown above it.</summary>
    public Text? Problem { get; set; }

    public bool IsValid => _errors.Count == 0 && Problem is null;

    /// <summary>How many fields have a message.</summary>
    public int ErrorCount => _errors.Count;

    public static FormState Of(IFormCollection form)
    {
        var state = new FormState();
        foreach (var (name, values) in form)
        {
            if (!name.StartsWith("__", StringComparison.Ordinal))
            {
                state._values[name] = values;
            }
        }

        return state;
    }

    /// <summary>Sets a starting value (today's date, the user's facility) on a form shown for the first time.</summary>
    public FormState Set(string name, string? value)
    {
        _values[name] = value;
        return this;
    }

    public string Value(string name) => _values.TryGetValue(name, out var v) ? v.ToString() : string.Empty;

    public IReadOnlyList<string> Values(string name) =>
        _values.TryGetValue(name, out var v) ? v.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList() : [];

    public bool Has(string name, string value) => Values(name).Contains(value, StringComparer.Ordinal);

    /// <summary>The trimmed text, or null when the field was left empty.</summary>
    public string? Text(string name) => Value(name).Trim() is { Length: > 0 } text ? text : null;

    public int? Int(string name)
    {
        var text = Digits(name);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Add(name, Texts.NotAWholeNumber);
        return null;
    }

    public decimal? Decimal(string name)
    {
        var text = Digits(name);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Add(name, Texts.NotANumber);
        return null;
    }

    public DateOnly? Date(string name)
    {
        var text = Digits(name);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            && value.Year is >= Infrastructure.Web.InputGuard.EarliestYear and <= Infrastructure.Web.InputGuard.LatestYear)
        {
            return value;
        }

        Add(name, Texts.NotADate);
        return null;
    }

    public bool? Bool(string name) => Text(name) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    /// <summary>An enum value posted by a radio button or select in its camelCase API spelling.</summary>
    public TEnum? Enum<TEnum>(string name)
        where TEnum : struct, Enum =>
        Text(name) is { } text && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value : null;

    /// <summary>A measurement as the API takes it: a JSON number, or the text for a dipstick grade.</summary>
    public JsonElement? Measurement(string name, bool text)
    {
        if (text)
        {
            return Text(name) is { } grade ? JsonSerializer.SerializeToElement(grade) : null;
        }

        return Decimal(name) is { } number ? JsonSerializer.SerializeToElement(number) : null;
    }

    public IReadOnlyList<Text> Errors(string name) => _errors.TryGetValue(name, out var list) ? list : [];

    public void Add(string name, Text message)
    {
        if (!_errors.TryGetValue(name, out var list))
        {
            _errors[name] = list = [];
        }

        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }

    /// <summary>
    /// The validators' failures, each beside its field in the texts its code names (<see cref="Messages"/>);
    /// <paramref name="field"/> renames paths the form spells differently.
    /// </summary>
    public void Add(ValidationException rejected, Func<string, string>? field = null)
    {
        foreach (var failure in rejected.Errors)
        {
            var name = failure.PropertyName ?? string.Empty;
            Add(field?.Invoke(name) ?? name, Messages.For(failure));
        }
    }

    /// <summary>Called by each field as it renders, so that the form can list the messages no field showed.</summary>
    public void Shown(string name) => _shown.Add(name);

    public IEnumerable<Text> Unshown() => _errors.Where(e => !_shown.Contains(e.Key)).SelectMany(e => e.Value);

    /// <summary>The element id of a field: letters and digits of its name.</summary>
    public static string IdOf(string name)
    {
        var id = new StringBuilder("f-", name.Length + 2);
        foreach (var c in name)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '-');
        }

        return id.ToString();
    }

    /// <summary>The text with full-width digits and punctuation (typed with a Chinese input method) made ASCII.</summary>
    private string? Digits(string name) => Text(name)?.Normalize(NormalizationForm.FormKC).Replace('。', '.');
}
