using System.Security.Claims;
using System.Security.Cryptography;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Infrastructure.Web;

/// <summary>
/// Makes a POST carrying an <c>Idempotency-Key</c> header safe to retry. The key row is inserted first, in the same
/// transaction as the command's writes: a concurrent retry blocks on it and then replays the stored response; a retry
/// after success replays it; the same key with another method, path or body gets 422. Failed requests (4xx, 5xx)
/// roll back with their key, so a corrected retry may reuse it.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    public async Task InvokeAsync(HttpContext http, HighRiskDb db, BusinessClock clock)
    {
        var key = http.Request.Headers[Header].ToString();
        // Sign-in and refresh are not stored: their responses are tokens, which must not sit in a table in clear, and
        // signing in twice writes nothing that a retry could duplicate.
        if (!HttpMethods.IsPost(http.Request.Method) || string.IsNullOrEmpty(key) || http.Request.Path.StartsWithSegments("/api/auth", StringComparison.Ordinal))
        {
            await next(http);
            return;
        }

        if (key.Length > 100)
        {
            throw new FluentValidation.ValidationException([Localization.Messages.IdempotencyKeyTooLong.At(Header)]);
        }

        // Keys are per user: two users who happen to choose the same key do not see each other's responses.
        key = $"{http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous"}:{key}";
        var hash = await HashRequestAsync(http.Request);
        await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
        var claimed = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO idempotency_records (key, request_hash, status_code, created_at) VALUES ({key}, {hash}, 0, {clock.Now}) ON CONFLICT (key) DO NOTHING",
            http.RequestAborted);
        if (claimed == 0)
        {
            var first = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Key == key, http.RequestAborted);
            await transaction.RollbackAsync(http.RequestAborted);
            await ReplayAsync(http, first, hash);
            return;
        }

        var realBody = http.Response.Body;
        await using var captured = new MemoryStream();
        http.Response.Body = captured;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = realBody;
        }

        if (http.Response.StatusCode is >= 200 and < 300)
        {
            TransactionLostException.ThrowIfLost(transaction);   // a 503, not "Transaction is already completed"
            var body = System.Text.Encoding.UTF8.GetString(captured.ToArray());
            try
            {
                await db.Database.ExecuteSqlAsync(
                    $"UPDATE idempotency_records SET status_code = {http.Response.StatusCode}, content_type = {http.Response
                        .ContentType}, location = {http.Response.Headers.Location.ToString()}, body = {body} WHERE key = {key}",
                    http.RequestAborted);
                await transaction.CommitAsync(http.RequestAborted);
            }
            catch (InvalidOperationException completed) when (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
            {
                // The connection broke after the command's work and before this commit (seen with PostgreSQL killed under
                // load, DatabaseKillTests): nothing was committed, and the client is told to retry, not that it failed.
                throw new TransactionLostException(completed);
            }
        }
        else if (db.Database.CurrentTransaction is not null)
        {
            await transaction.RollbackAsync(http.RequestAborted);
        }

        captured.Position = 0;
        await captured.CopyToAsync(realBody, http.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord first, string hash)
    {
        if (first.RequestHash != hash)
        {
            throw new UnprocessableException($"The Idempotency-Key was already used for a different request; use a new key for a new request.");
        }

        http.Response.StatusCode = first.StatusCode;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (!string.IsNullOrEmpty(first.Location))
        {
            http.Response.Headers.Location = first.Location;
        }

        if (first.Body is not null)
        {
            http.Response.ContentType = first.ContentType ?? "application/json";
            await http.Response.WriteAsync(first.Body, http.RequestAborted);
        }
    }

    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
