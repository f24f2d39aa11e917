namespace HighRisk.Infrastructure.Web;

/// <summary>The first response to a POST carrying an Idempotency-Key, replayed to any retry with the same body.</summary>
public sealed class IdempotencyRecord
{
    public required string Key { get; init; }

    /// <summary>SHA-256 of method, path and body: the same key with another request is refused (422).</summary>
    public required string RequestHash { get; init; }

    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public string? Body { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
