using System.Globalization;

namespace HighRisk.Localization;

/// <summary>
/// A user-facing text in Chinese and English. It renders in the request's UI culture (zh-CN by default, English by
/// the switch), so a page writes <c>@Texts.FullName</c> and never chooses the language itself.
/// </summary>
public sealed record Text(string Zh, string En)
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public override string ToString() => English ? En : Zh;

    /// <summary>Fills the {0}, {1}… placeholders of the text in the current language.</summary>
    public string Format(params object?[] args) => string.Format(CultureInfo.CurrentCulture, ToString(), args);

    /// <summary>The text with its placeholders filled in both languages; a <see cref="Text"/> argument fills each in its own language.</summary>
    public Text With(params object?[] args) => new(
        string.Format(CultureInfo.InvariantCulture, Zh, Array.ConvertAll(args, a => a is Text t ? t.Zh : a)),
        string.Format(CultureInfo.InvariantCulture, En, Array.ConvertAll(args, a => a is Text t ? t.En : a)));

    /// <summary>The same text in both languages (codes, numbers, names).</summary>
    public static Text Same(string text) => new(text, text);
}
