using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace HighRisk.Rules;

/// <summary>
/// The grading table as data (seeds/catalogue/cn-2017.json): factors with colour, status, source and conditions, and
/// the qualifiers conditions combine with. Immutable after <see cref="Parse"/>; docs/risk-catalogue.md describes the file.
/// </summary>
public sealed class RiskCatalogue
{
    private readonly FrozenDictionary<string, RiskFactorDefinition> factorsById;
    private readonly FrozenDictionary<string, QualifierDefinition> qualifiersById;

    internal RiskCatalogue(
        string id,
        string version,
        string? title,
        IReadOnlyList<RiskFactorDefinition> factors,
        IReadOnlyList<QualifierDefinition> qualifiers)
    {
        Id = id;
        Version = version;
        Title = title;
        Factors = factors;
        Qualifiers = qualifiers;
        factorsById = factors.ToFrozenDictionary(f => f.Id, StringComparer.Ordinal);
        qualifiersById = qualifiers.ToFrozenDictionary(q => q.Id, StringComparer.Ordinal);
    }

    /// <summary>Catalogue id, e.g. "cn-nhfpc-2017"; recorded with every grade.</summary>
    public string Id { get; }

    /// <summary>Catalogue version, e.g. "2017.1"; recorded with every grade.</summary>
    public string Version { get; }

    public string? Title { get; }

    /// <summary>Factors in file order.</summary>
    public IReadOnlyList<RiskFactorDefinition> Factors { get; }

    public IReadOnlyList<QualifierDefinition> Qualifiers { get; }

    /// <summary>Loads and validates a catalogue file.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="sourceName">Named in error messages, e.g. the file name.</param>
    /// <exception cref="CatalogueException">The file is malformed; the message names the source and line.</exception>
    public static RiskCatalogue Parse(string json, string sourceName) => CatalogueReader.Read(json, sourceName);

    public bool TryGetFactor(string id, [MaybeNullWhen(false)] out RiskFactorDefinition factor) =>
        factorsById.TryGetValue(id, out factor);

    public bool TryGetQualifier(string id, [MaybeNullWhen(false)] out QualifierDefinition qualifier) =>
        qualifiersById.TryGetValue(id, out qualifier);

    /// <summary>
    /// True for ids a clinician may send as a finding or history flag: coded factors and qualifiers. Purely numeric
    /// factors (age, BMI) are computed and cannot be coded by hand.
    /// </summary>
    public bool IsCodeable(string? id) =>
        id is not null && ((factorsById.TryGetValue(id, out var factor) && factor.Coded) || qualifiersById.ContainsKey(id));
}
