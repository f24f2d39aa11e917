using System.Text.Json;

namespace HighRisk.Rules;

/// <summary>A factor's prompt: the measured values that suggest a row only a clinician may code.</summary>
internal sealed partial class CatalogueReader
{
    /// <summary>{"when": [conditions], "whyZh", "whyEn", "unlessActive": [factor ids]}: conditions as in a factor's 'when'.</summary>
    private FactorPrompt ReadPrompt(string factorId, JsonElement element)
    {
        RequireObject(element, $"factor '{factorId}': the prompt", PromptProperties);
        if (!element.TryGetProperty("when", out var when))
        {
            throw Fail($"factor '{factorId}': the prompt needs 'when', the measured values that suggest the row");
        }

        var conditions = new List<FactorCondition>();
        foreach (var alternative in Array(when, $"factor '{factorId}': the prompt's 'when'"))
        {
            conditions.Add(ReadCondition(factorId, alternative));
        }

        if (conditions.Count == 0)
        {
            throw Fail($"factor '{factorId}': the prompt's 'when' is empty");
        }

        CheckOverlaps(factorId, conditions);
        var unless = new List<string>();
        if (element.TryGetProperty("unlessActive", out var unlessElement))
        {
            foreach (var explaining in Array(unlessElement, $"factor '{factorId}': the prompt's 'unlessActive'"))
            {
                unless.Add(String(explaining, $"factor '{factorId}': the prompt's 'unlessActive'"));
            }
        }

        return new FactorPrompt(conditions, PromptText(factorId, element, "whyZh"), PromptText(factorId, element, "whyEn"), unless);
    }

    private string PromptText(string factorId, JsonElement prompt, string name) =>
        prompt.TryGetProperty(name, out var text)
            ? String(text, $"factor '{factorId}': the prompt's '{name}'")
            : throw Fail($"factor '{factorId}': the prompt needs '{name}', why the values suggest the row");
}
