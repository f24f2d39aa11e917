namespace HighRisk.Infrastructure;

/// <summary>The record asked for does not exist (or is outside the caller's scope): 404.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The request contradicts the record's current state (a closed pregnancy, a second open booking): 409.</summary>
public sealed class ConflictException(string message, IReadOnlyDictionary<string, object?>? extensions = null) : Exception(message)
{
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}

/// <summary>The request is well-formed but cannot be carried out as asked (an idempotency key reused with another body): 422.</summary>
public sealed class UnprocessableException(string message) : Exception(message);
