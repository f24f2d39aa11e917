using HighRisk.Features.Messaging;
using HighRisk.Infrastructure.Security;

namespace HighRisk.Features.Alerts;

public sealed record AlertMessageView(string Recipient, string Text, string Status, int Attempts, string? LastError, DateTimeOffset? DeliveredAt);

public sealed record AlertView(
    Guid Id, Guid PregnancyId, string Colour, string Status, string MaskedName, string TownshipCode, DateTimeOffset CreatedAt,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? ActionTaken, DateTimeOffset? EscalatedAt, string? EscalationReason,
    bool NoRecipient, IReadOnlyList<AlertMessageView> Messages)
{
    public static AlertView Of(Alert a, IEnumerable<SmsMessage> messages) => new(
        a.Id, a.PregnancyId, a.Colour, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(a.Status.ToString()), a.MaskedName, a.TownshipCode,
        a.CreatedAt, a.AcknowledgedAt, a.AcknowledgedBy, a.ActionTaken, a.EscalatedAt, a.EscalationReason, a.NoRecipient,
        messages.OrderBy(m => m.CreatedAt).Select(m => new AlertMessageView(
            PersonalData.MaskMobile(m.Recipient), m.Text, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(m.Status.ToString()), m.Attempts, m.LastError, m.DeliveredAt)).ToList());
}
