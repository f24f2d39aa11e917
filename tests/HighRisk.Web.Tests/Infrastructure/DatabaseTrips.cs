using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HighRisk.Web.Tests.Infrastructure;

/// <summary>
/// What the service sends to PostgreSQL while it answers the requests to one path, as EF Core reports it through its
/// diagnostic events in this process: each command, transaction and savepoint operation, attributed to a request through
/// the service's <see cref="IHttpContextAccessor"/> (async-local), so that background work and other requests are left
/// out. Npgsql sends <c>BEGIN</c> and <c>SAVEPOINT</c> with the next command; every other entry is a round trip.
/// </summary>
public sealed class DatabaseTrips : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly Dictionary<string, string> Operations = new()
    {
        [RelationalEventId.TransactionStarted.Name!] = "BEGIN",
        [RelationalEventId.TransactionCommitted.Name!] = "COMMIT",
        [RelationalEventId.TransactionRolledBack.Name!] = "ROLLBACK",
        [RelationalEventId.CreatedTransactionSavepoint.Name!] = "SAVEPOINT",
        [RelationalEventId.ReleasedTransactionSavepoint.Name!] = "RELEASE SAVEPOINT",
        [RelationalEventId.RolledBackToTransactionSavepoint.Name!] = "ROLLBACK TO SAVEPOINT",
    };

    private readonly IHttpContextAccessor _http;
    private readonly string _path;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<string> _entries = [];

    private DatabaseTrips(IServiceProvider services, string path)
    {
        _http = services.GetRequiredService<IHttpContextAccessor>();
        _path = path;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    /// <summary>What the requests to <paramref name="path"/> send, from now until disposed.</summary>
    public static DatabaseTrips Watch(IServiceProvider services, string path) => new(services, path);

    /// <summary>In order: "BEGIN", "COMMIT", … and each command's SQL.</summary>
    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The entries that are round trips (everything but what Npgsql sends with the next command).</summary>
    public IReadOnlyList<string> RoundTrips => [.. Entries.Where(e => e is not ("BEGIN" or "SAVEPOINT"))];

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (_http.HttpContext?.Request.Path.Value != _path)
        {
            return;
        }

        var entry = value.Value switch
        {
            CommandExecutedEventData executed when value.Key == RelationalEventId.CommandExecuted.Name => executed.Command.CommandText,
            CommandErrorEventData failed when value.Key == RelationalEventId.CommandError.Name => "(failed) " + failed.Command.CommandText,
            _ => Operations.GetValueOrDefault(value.Key),
        };
        if (entry is not null)
        {
            lock (_entries)
            {
                _entries.Add(entry);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }
    }
}
