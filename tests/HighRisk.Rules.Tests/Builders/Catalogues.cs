namespace HighRisk.Rules.Tests.Builders;

/// <summary>The real catalogue (seeds/catalogue/cn-2017.json, copied next to the tests) and one engine over it.</summary>
public static class Catalogues
{
    private static readonly Lazy<RiskCatalogue> Loaded = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "catalogue", "cn-2017.json");
        return RiskCatalogue.Parse(File.ReadAllText(path), "cn-2017.json");
    });

    private static readonly Lazy<RiskEngine> SharedEngine = new(() => new RiskEngine(Real));

    public static RiskCatalogue Real => Loaded.Value;

    public static RiskEngine Engine => SharedEngine.Value;
}
