using System.Text.Json;

namespace HighRisk.Features.Transfers;

/// <summary>Transfers as data (seeds/policy/transfers.json): how long a transfer may wait for its answer before both counties are told.</summary>
public sealed record TransferPolicy(string Id, string Version, int EscalateAfterDays)
{
    public static TransferPolicy Parse(string json, string source)
    {
        var policy = JsonSerializer.Deserialize<TransferPolicy>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web) { AllowTrailingCommas = true })
            ?? throw new InvalidOperationException($"{source}: empty transfer policy");
        return policy.EscalateAfterDays > 0 ? policy : throw new InvalidOperationException($"{source}: escalateAfterDays must be a positive number of days");
    }
}
