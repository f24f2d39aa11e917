using System.Globalization;
using HighRisk.Rules;

namespace HighRisk.Features.Alerts;

/// <summary>Short Chinese labels for SMS: "肺动脉压55mmHg" rather than the table's full row text.</summary>
public static class FactorLabels
{
    public const int MaxLength = 16;

    public static string Leading(IReadOnlyList<ActiveFactor> factors, string colour)
    {
        var wanted = colour switch { "red" => FactorColour.Red, "orange" => FactorColour.Orange, _ => FactorColour.Purple };
        var factor = factors.FirstOrDefault(f => f.Colour == wanted) ?? factors.FirstOrDefault();
        return factor is null ? "医生评估" : Short(factor);
    }

    public static string Short(ActiveFactor factor)
    {
        var measured = factor.Evidence.FirstOrDefault(e => e.Observation is not null && e.Value is not null);
        if (measured is not null && Observations.TryParse(measured.Observation!, out var observation))
        {
            var name = observation.Info().NameZh;
            var cut = name.IndexOfAny(['（', '(']);
            return Clip($"{(cut > 0 ? name[..cut] : name)}{measured.Value!.Value.ToString("0.##", CultureInfo.InvariantCulture)}{measured.Unit}");
        }

        var text = factor.NameZh;
        var end = text.IndexOfAny(['（', '(', '：', ':', '，', ',']);
        return Clip(end > 0 ? text[..end] : text);
    }

    private static string Clip(string text) => text.Length <= MaxLength ? text : text[..MaxLength];
}
