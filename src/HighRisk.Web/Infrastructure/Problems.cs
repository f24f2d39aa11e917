using HighRisk.Localization;

namespace HighRisk.Infrastructure;

/// <summary>The record asked for does not exist (or is outside the caller's scope): 404.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>
/// The request contradicts the record's current state (a closed pregnancy, a second open booking): 409. It carries its
/// entry of <see cref="Messages"/> and the values of its texts, so that the web app shows it by code.
/// </summary>
public sealed class ConflictException(Message message, params (string Name, object? Value)[] values) : Exception(message.ApiText(values))
{
    public string Code { get; } = message.Code;

    public IReadOnlyDictionary<string, object?> Values { get; } = values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    /// <summary>Members added to the problem details (<c>openPregnancyId</c>).</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();
}

/// <summary>The caller may see the record but not do this to it (a health worker acknowledging a case report): 403, with its code.</summary>
public sealed class ForbiddenException(Message message) : Exception(message.ApiText())
{
    public string Code { get; } = message.Code;
}

/// <summary>The request is well-formed but cannot be carried out as asked (an idempotency key reused with another body): 422.</summary>
public sealed class UnprocessableException(string message) : Exception(message);
