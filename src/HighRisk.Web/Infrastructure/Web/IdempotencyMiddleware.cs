using System.Data.Common;
using System.Runtime.ExceptionServices;
using System.Security.Claims;
using System.Security.Cryptography;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace HighRisk.Infrastructure.Web;

/// <summary>
/// Makes a POST carrying an <c>Idempotency-Key</c> header safe to retry. The key row is added to the request's unit of
/// work and so written in the same statement batch as the command's own writes (TransactionBehavior's save); its
/// response is stored by one more statement before the commit. A retry — after the first committed, or alongside it,
/// when it waits on the first one's locks — fails on the key (or on what the first one changed), rolls back, and
/// replays the stored response; the same key with another method, path or body gets 422. Failed requests (4xx, 5xx)
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
        db.IdempotencyRecords.Add(new IdempotencyRecord { Key = key, RequestHash = hash, CreatedAt = clock.Now });

        var realBody = http.Response.Body;
        await using var captured = new MemoryStream();
        http.Response.Body = captured;
        ExceptionDispatchInfo? failure = null;
        try
        {
            await next(http);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            http.Response.Body = realBody;
        }

        if (failure is null && http.Response.StatusCode is >= 200 and < 300)
        {
            if (!await StoreAsync(http, db, transaction, key, hash, captured, clock))
            {
                // Another request committed this key while this one ran (it waited on none of its locks): its response stands.
                await transaction.RollbackAsync(CancellationToken.None);
                await ReplayAsync(http, await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Key == key, http.RequestAborted), hash);
                return;
            }

            captured.Position = 0;
            await captured.CopyToAsync(realBody, http.RequestAborted);
            return;
        }

        if (await FirstAsync(db, transaction, key) is { } first)
        {
            await ReplayAsync(http, first, hash);
            return;
        }

        failure?.Throw();
        captured.Position = 0;
        await captured.CopyToAsync(realBody, http.RequestAborted);
    }

    /// <summary>Stores the response with the key and commits; false when another request holds the key (nothing is committed).</summary>
    private static async Task<bool> StoreAsync(HttpContext http, HighRiskDb db, IDbContextTransaction transaction, string key, string hash, MemoryStream captured, BusinessClock clock)
    {
        TransactionLostException.ThrowIfLost(transaction);   // a 503, not "Transaction is already completed"
        var response = http.Response;
        var body = System.Text.Encoding.UTF8.GetString(captured.GetBuffer(), 0, (int)captured.Length);
        try
        {
            // An update of the row the command's save wrote; an insert when nothing was saved (a POST that only reads).
            // A row another request committed (status ≠ 0) is left alone: that request's response is the one to replay.
            var stored = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO idempotency_records AS r (key, request_hash, status_code, content_type, location, body, created_at)
                VALUES ({key}, {hash}, {response.StatusCode}, {response.ContentType}, {response.Headers.Location.ToString()}, {body}, {clock.Now})
                ON CONFLICT (key) DO UPDATE SET status_code = EXCLUDED.status_code, content_type = EXCLUDED.content_type,
                    location = EXCLUDED.location, body = EXCLUDED.body
                WHERE r.status_code = 0
                """, http.RequestAborted);
            if (stored == 0)
            {
                return false;
            }

            await transaction.CommitAsync(http.RequestAborted);
            return true;
        }
        catch (InvalidOperationException completed) when (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            // The connection broke after the command's work and before this commit (seen with PostgreSQL killed under
            // load, DatabaseKillTests): nothing was committed, and the client is told to retry, not that it failed.
            throw new TransactionLostException(completed);
        }
    }

    /// <summary>
    /// After a failure: rolls the request back and reads the response a request with the same key committed, if any.
    /// Null when there is none, or when the database cannot say (it is out): then the request's own failure stands.
    /// </summary>
    private static async Task<IdempotencyRecord?> FirstAsync(HighRiskDb db, IDbContextTransaction transaction, string key)
    {
        try
        {
            if (db.Database.CurrentTransaction is not null)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }

            return await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key && r.StatusCode != 0, CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            return null;
        }
    }

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord first, string hash)
    {
        if (first.RequestHash != hash)
        {
            throw new UnprocessableException($"The Idempotency-Key was already used for a different request; use a new key for a new request.");
        }

        // What the failed retry set is replaced (its body was never sent: it went to the captured stream).
        http.Response.StatusCode = first.StatusCode;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        http.Response.Headers.Location = string.IsNullOrEmpty(first.Location) ? default : first.Location;
        http.Response.Headers.ContentType = default;
        http.Response.ContentLength = null;

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
