using System.Globalization;
using System.Text;
using FluentValidation;
using FluentValidation.Results;

namespace HighRisk.Localization;

/// <summary>
/// One entry of <see cref="Messages"/>: a failure's stable code, the English the API answers (its wording is a contract
/// with API clients) and the texts the web app shows beside a field, in Chinese and English (shorter: the field's
/// label stands beside them). Templates name their values in braces, FluentValidation's way: <c>{Lmp}</c>,
/// <c>{PropertyValue}</c>. The web app finds the texts by the failure's code, never by its wording.
/// </summary>
public sealed class Message
{
    public Message(string code, string? api, string zh, string? en = null)
    {
        Code = code;
        Api = api;
        Shown = new Text(zh, en ?? api ?? throw new ArgumentException("A message without API wording needs its English text.", nameof(en)));
    }

    public string Code { get; }

    /// <summary>The API's English template; null for FluentValidation's built-in rules, whose own wording the API keeps.</summary>
    public string? Api { get; }

    /// <summary>The web app's templates, Chinese and English.</summary>
    public Text Shown { get; }

    /// <summary>The API's wording with these values filled in.</summary>
    public string ApiText(params (string Name, object? Value)[] values) =>
        Fill(Api ?? Shown.En, Values(values), english: true);

    /// <summary>A failure of this message on a field, for rules that are checked outside a validator (against the stored record).</summary>
    public ValidationFailure At(string field, params (string Name, object? Value)[] values) =>
        new(field, ApiText(values)) { ErrorCode = Code, CustomState = Values(values) };

    /// <summary>The web app's texts with the failure's values filled in, each language with its own.</summary>
    public Text Show(IReadOnlyDictionary<string, object?> values) =>
        new(Fill(Shown.Zh, values, english: false), Fill(Shown.En, values, english: true));

    /// <summary>The values a failure carries: FluentValidation's placeholders (PropertyValue, From, MaxLength…) and the rule's own.</summary>
    public static IReadOnlyDictionary<string, object?> ValuesOf(ValidationFailure failure)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in failure.FormattedMessagePlaceholderValues ?? [])
        {
            values[name] = value;
        }

        if (failure.CustomState is IReadOnlyDictionary<string, object?> own)
        {
            foreach (var (name, value) in own)
            {
                values[name] = value;
            }
        }

        return values;
    }

    /// <summary>The names a template fills in, for the tests that every text can be filled.</summary>
    public static IEnumerable<string> Placeholders(string template)
    {
        for (var open = template.IndexOf('{', StringComparison.Ordinal); open >= 0; open = template.IndexOf('{', open + 1))
        {
            var close = template.IndexOf('}', open);
            if (close > open)
            {
                yield return template[(open + 1)..close];
            }
        }
    }

    public override string ToString() => Code;

    internal static Dictionary<string, object?> Values((string Name, object? Value)[] values)
    {
        var dictionary = new Dictionary<string, object?>(values.Length, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            dictionary[name] = value;
        }

        return dictionary;
    }

    /// <summary>Fills the named values; a placeholder without a value is left for FluentValidation (<c>{PropertyValue}</c>).</summary>
    internal static string Fill(string template, IReadOnlyDictionary<string, object?> values, bool english)
    {
        if (values.Count == 0 || !template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var text = new StringBuilder(template.Length + 32);
        var at = 0;
        for (var open = template.IndexOf('{', StringComparison.Ordinal); open >= 0; open = template.IndexOf('{', at))
        {
            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                break;
            }

            text.Append(template, at, open - at);
            text.Append(values.TryGetValue(template[(open + 1)..close], out var value) ? Show(value, english) : template[open..(close + 1)]);
            at = close + 1;
        }

        return text.Append(template, at, template.Length - at).ToString();
    }

    private static string Show(object? value, bool english) => value switch
    {
        null => string.Empty,
        Text text => english ? text.En : text.Zh,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>Gives a FluentValidation rule its message from <see cref="Messages"/>: the code, the API's wording and the values the texts need.</summary>
public static class MessageRules
{
    public static IRuleBuilderOptions<T, TProperty> WithError<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, Message message, params (string Name, object? Value)[] values)
    {
        var state = Message.Values(values);
        rule.WithErrorCode(message.Code).WithMessage(message.ApiText(values));
        return values.Length == 0 ? rule : rule.WithState(_ => state);
    }

    /// <summary>For values that depend on the instance validated (the account's role).</summary>
    public static IRuleBuilderOptions<T, TProperty> WithError<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, Message message, Func<T, (string Name, object? Value)[]> values) =>
        rule.WithErrorCode(message.Code).WithMessage(x => message.ApiText(values(x))).WithState(x => Message.Values(values(x)));
}
