using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HighRisk.Infrastructure.Data;

/// <summary>
/// Whether PostgreSQL can be reached, as the requests find it: a request that fails because the database is unavailable
/// answers 503 with Retry-After (ProblemDetailsExceptionHandler), and the log says so once when the outage begins and once
/// when a request (or the readiness check) reaches the database again — not once per failed request.
/// </summary>
public sealed partial class DatabaseOutage(ILogger<DatabaseOutage> log, TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _since;
    private long _failures;

    /// <summary>Seconds a client is asked to wait before retrying.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// Npgsql's message when every host of a multi-host connection string is known to be offline or not of the wanted
    /// kind (it carries no inner exception and no SQL state; when it tried a host and failed, the failure is inside).
    /// </summary>
    public const string NoSuitableHost = "No suitable host was found";

    public bool IsDown
    {
        get
        {
            lock (_gate)
            {
                return _since is not null;
            }
        }
    }

    /// <summary>
    /// A failure that says the database cannot be reached now, rather than that the request was wrong: a broken or
    /// refused connection, a server starting up or shutting down, out of connections, or not accepting connections;
    /// or, on a multi-host connection string, no host that is the primary (between a primary's loss and a standby's
    /// promotion, and until Npgsql looks at the promoted standby again: <c>Host Recheck Seconds</c>).
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                        || (postgres.SqlState == PostgresErrorCodes.ObjectNotInPrerequisiteState && postgres.MessageText.Contains("accepting connections", StringComparison.Ordinal));
                case TransactionLostException:
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                case NpgsqlException { IsTransient: true }:
                case NpgsqlException { InnerException: null } when e.Message.StartsWith(NoSuitableHost, StringComparison.Ordinal):
                case SocketException:
                    return true;
            }
        }

        return false;
    }

    public void Failed(Exception exception)
    {
        lock (_gate)
        {
            _failures++;
            if (_since is not null)
            {
                return;
            }

            _since = time.GetUtcNow();
        }

        LogDown(log, exception.GetBaseException().Message);
    }

    /// <summary>The database answered: ends an outage, if there was one.</summary>
    public void Reached()
    {
        DateTimeOffset since;
        long failures;
        lock (_gate)
        {
            if (_since is not { } began)
            {
                return;
            }

            (since, failures, _since, _failures) = (began, _failures, null, 0);
        }

        LogUp(log, (time.GetUtcNow() - since).TotalSeconds, failures);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Database unavailable: requests answer 503 until it is reached again ({Reason})")]
    private static partial void LogDown(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database available again after {Seconds:0.0} s; {Failures} requests were answered 503")]
    private static partial void LogUp(ILogger logger, double seconds, long failures);
}

/// <summary>
/// The request's transaction ended under it because its connection broke (the server went away, after the request's
/// last statement and before its commit): nothing was committed. Npgsql completes a transaction whose connection breaks,
/// so the next statement would fail with "Transaction is already completed" (an InvalidOperationException), which says
/// nothing of the cause. Checked before the commit (<see cref="ThrowIfLost"/>), and made of that exception when the break
/// comes during the last statements (seen with PostgreSQL killed under load, DatabaseKillTests).
/// </summary>
public sealed class TransactionLostException(Exception? inner = null)
    : Exception("The database connection broke before the request's transaction was committed; nothing was committed", inner)
{
    /// <summary>Throws when the transaction no longer has a connection (see <see cref="TransactionLostException"/>).</summary>
    public static void ThrowIfLost(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        if (Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(transaction).Connection is not { State: System.Data.ConnectionState.Open })
        {
            throw new TransactionLostException();
        }
    }
}

/// <summary>
/// EF Core logs every failed connection, command, transaction operation, query and save at Error, with its stack trace: hundreds of lines per
/// database outage, and a line for every failure the code expects and handles (a unique violation answered 409). Those
/// events go to Debug; what is not handled is still logged once, by the exception handler (a 500) or Hangfire (a job),
/// and an outage by <see cref="DatabaseOutage"/> when it begins and ends.
/// </summary>
public static class DatabaseFailureLogging
{
    public static DbContextOptionsBuilder LogFailuresOnce(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log(
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.ConnectionError, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.TransactionError, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Debug)));
}
