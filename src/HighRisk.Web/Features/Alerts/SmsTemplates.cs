using System.Text.Json;

namespace HighRisk.Features.Alerts;

/// <summary>The alert and escalation texts, from seeds/templates/sms.json (data, changeable without code).</summary>
public sealed record SmsTemplates
{
    public required Template Alert { get; init; }

    public required Template Escalation { get; init; }

    public required Template Digest { get; init; }

    /// <summary>The county's morning case digest (专案管理提示), to its on-duty contacts.</summary>
    public required Template CaseDigest { get; init; }

    /// <summary>A case report not acknowledged in time, to the county on-duty contact.</summary>
    public required Template CaseReport { get; init; }

    /// <summary>A maternal death: the report is due, to the county and city MCH contacts.</summary>
    public required Template DeathReport { get; init; }

    /// <summary>An emergency referral (green channel), to the receiving facility's on-duty number at once.</summary>
    public required Template ReferralEmergency { get; init; }

    /// <summary>A referral's answer or outcome late, to the receiving facility's on-duty number and the sender.</summary>
    public required Template ReferralLate { get; init; }

    /// <summary>The receiving facility's feedback, to a sender who asked for it.</summary>
    public required Template ReferralFeedback { get; init; }

    /// <summary>A transfer left unanswered, to both counties' MCH on-duty contacts.</summary>
    public required Template TransferLate { get; init; }
    /// <summary>A consultation unanswered past its due time, to the pool's MCH contact and the asker.</summary>
    public required Template ConsultationLate { get; init; }

    public required Dictionary<string, ColourAction> Actions { get; init; }

    public required Dictionary<string, string> Colours { get; init; }

    public required Dictionary<string, string> Reasons { get; init; }

    public sealed record Template(string TemplateCode, string Text);

    public sealed record ColourAction(string Action, int DeadlineHours);

    /// <summary>Fills {placeholders}; unknown ones stay visible so that a broken template is noticed in testing.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (key, value) in values)
        {
            text = text.Replace("{" + key + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    public static SmsTemplates Parse(string json, string source)
    {
        var templates = JsonSerializer.Deserialize<SmsTemplates>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"{source}: empty SMS templates");
        foreach (var colour in new[] { "red", "orange", "purple" })
        {
            if (!templates.Actions.ContainsKey(colour) || !templates.Colours.ContainsKey(colour))
            {
                throw new InvalidOperationException($"{source}: actions.{colour} and colours.{colour} are required");
            }
        }

        return templates;
    }
}
