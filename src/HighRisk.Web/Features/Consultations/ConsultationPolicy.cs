using System.Text.Json;

namespace HighRisk.Features.Consultations;

/// <summary>
/// Consultation as data (seeds/policy/consultations.json): how soon an expert's answer is due after the question is
/// asked (24小时咨询指导: 24 hours, collaboration.md §3); past it, an unanswered consultation is late and escalated once.
/// </summary>
public sealed record ConsultationPolicy
{
    public required string Id { get; init; }

    public required string Version { get; init; }

    public required int AnswerWithinHours { get; init; }

    public TimeSpan AnswerWithin => TimeSpan.FromHours(AnswerWithinHours);

    /// <summary>Reads and checks the policy; a broken file stops the service naming what is wrong.</summary>
    public static ConsultationPolicy Parse(string json, string source)
    {
        var policy = JsonSerializer.Deserialize<ConsultationPolicy>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web) { AllowTrailingCommas = true })
            ?? throw new InvalidOperationException($"{source}: empty consultation policy");
        return policy.AnswerWithinHours > 0 ? policy : throw new InvalidOperationException($"{source}: answerWithinHours must be a positive number of hours");
    }
}
