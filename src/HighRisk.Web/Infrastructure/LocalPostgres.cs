using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace HighRisk.Infrastructure;

/// <summary>
/// A private PostgreSQL cluster started from the machine's PostgreSQL 15 binaries: the run command uses one under
/// the checkout's .data folder when no connection string is configured, and the tests start a throw-away one.
/// It listens on a unix socket only; postgres refuses to run as root, so as root every command runs as `postgres`.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private readonly string _binDir;
    private readonly string _dataDir;
    private readonly bool _deleteOnDispose;
    private bool _stopped;

    private LocalPostgres(string binDir, string dataDir, string socketDir, string database, string user, bool deleteOnDispose)
    {
        _binDir = binDir;
        _dataDir = dataDir;
        SocketDir = socketDir;
        _deleteOnDispose = deleteOnDispose;
        ConnectionString = $"Host={socketDir};Database={database};Username={user};Pooling=true;Maximum Pool Size=50";
    }

    public string ConnectionString { get; }

    public string SocketDir { get; }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Starts (creating if needed) a cluster in <paramref name="dataDir"/>; reuses one that is already running.</summary>
    public static async Task<LocalPostgres> StartAsync(string dataDir, string database, bool throwAway, CancellationToken ct = default)
    {
        var binDir = FindBinaries();
        dataDir = Path.GetFullPath(dataDir);
        // Unix socket paths are limited to 107 bytes, so the socket lives in a short folder named after the data folder.
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(dataDir)))[..10].ToLowerInvariant();
        var socketDir = Path.Combine("/tmp", $"hr-{hash}");
        var user = IsRoot ? "postgres" : Environment.UserName;
        var cluster = new LocalPostgres(binDir, dataDir, socketDir, database, user, throwAway);

        Directory.CreateDirectory(socketDir);
        if (!File.Exists(Path.Combine(dataDir, "PG_VERSION")))
        {
            Directory.CreateDirectory(dataDir);
            cluster.HandOver(dataDir);
            await cluster.RunAsync("initdb", ["-D", dataDir, "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8", "-U", user], ct);
        }

        cluster.HandOver(socketDir);
        if (!await cluster.IsRunningAsync(ct))
        {
            var options = $"-c listen_addresses='' -c unix_socket_directories='{socketDir}' -c max_connections=200";
            if (throwAway)
            {
                options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            }

            await cluster.RunAsync("pg_ctl", ["-D", dataDir, "-o", options, "-l", Path.Combine(dataDir, "server.log"), "-w", "-t", "60", "start"], ct);
        }

        await cluster.CreateDatabaseAsync(database, ct);
        return cluster;
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await RunAsync("pg_ctl", ["-D", _dataDir, "-m", "fast", "-w", "stop"], CancellationToken.None, throwOnError: false);
        if (_deleteOnDispose)
        {
            TryDelete(_dataDir);
            TryDelete(SocketDir);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<bool> IsRunningAsync(CancellationToken ct)
    {
        var (exitCode, _) = await RunAsync("pg_ctl", ["-D", _dataDir, "status"], ct, throwOnError: false);
        return exitCode == 0;
    }

    private async Task CreateDatabaseAsync(string database, CancellationToken ct)
    {
        var (exitCode, output) = await RunAsync("createdb", ["-h", SocketDir, database], ct, throwOnError: false);
        if (exitCode != 0 && !output.Contains("already exists", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"createdb {database} failed: {output}");
        }
    }

    private void HandOver(string folder)
    {
        if (IsRoot)
        {
            Run("chown", ["-R", "postgres:postgres", folder]);
            Run("chmod", ["700", folder]);
        }
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct, bool throwOnError = true)
    {
        var path = Path.Combine(_binDir, tool);
        var start = IsRoot ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", path, .. arguments]) : new ProcessStartInfo(path, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = "/tmp";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {tool}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = (await stdout) + (await stderr);
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {output}");
        }

        return (process.ExitCode, output);
    }

    private static void Run(string file, IReadOnlyList<string> arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })
            ?? throw new InvalidOperationException($"cannot start {file}");
        process.WaitForExit();
    }

    private static string FindBinaries()
    {
        string[] candidates = ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin", "/usr/local/pgsql/bin"];
        foreach (var candidate in candidates)
        {
            if (File.Exists(Path.Combine(candidate, "initdb")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/15/bin). Run deploy/local/ensure-postgres.sh " +
            "or `apt-get install postgresql-15`, or set ConnectionStrings__HighRisk to an existing server.");
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A folder left behind under /tmp is harmless; the cluster is already stopped.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
