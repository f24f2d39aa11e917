using HighRisk.Localization;

namespace HighRisk.Pages;

/// <summary>One labelled input of a form, rendered by Shared/_Field.cshtml with its unit, hint and messages.</summary>
public sealed record Field(FormState Form, string Name, Text Label)
{
    public string Type { get; init; } = "text";

    public Text? Unit { get; init; }

    public Text? Hint { get; init; }

    public bool Required { get; init; }

    /// <summary>The keyboard a phone shows: numeric, decimal, tel.</summary>
    public string? InputMode { get; init; }

    public string? Autocomplete { get; init; }

    public string? Step { get; init; }

    public int? MaxLength { get; init; }

    public string Id => FormState.IdOf(Name);
}
