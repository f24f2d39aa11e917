using System.Diagnostics;
using HighRisk.Infrastructure;
using Npgsql;

namespace HighRisk.Web.Tests.Faults;

/// <summary>
/// A PostgreSQL cluster of a fixture's own, apart from the shared test cluster, that the test may kill: started like the
/// test cluster (<see cref="LocalPostgres"/>), its database a copy of the template (a clone on the shared cluster,
/// pg_dump into this one), commits durable (<c>synchronous_commit = on</c> for the database: an acknowledged commit is in
/// the WAL the kernel holds, which a killed process cannot lose; <c>fsync</c> only matters when the machine itself dies).
/// </summary>
public sealed class KillableCluster
{
    private const string Database = "highrisk_killed";
    private static readonly string BinDir = new[] { "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin" }
        .FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_dump"))) ?? "/usr/lib/postgresql/15/bin";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"hrt-{Environment.ProcessId}-killed");
    private LocalPostgres? _postgres;

    public string ConnectionString => _postgres?.ConnectionString ?? throw new InvalidOperationException("the cluster has not started");

    /// <summary>Starts the cluster and copies the template into it; returns the database's connection string.</summary>
    public async Task<string> StartAsync(string fixture)
    {
        _postgres = await LocalPostgres.StartAsync(_dataDir, Database, throwAway: true);
        var clone = await TestCluster.CloneTemplateAsync(fixture);
        try
        {
            var from = new NpgsqlConnectionStringBuilder(clone);
            var to = new NpgsqlConnectionStringBuilder(_postgres.ConnectionString);
            await RunAsync("/bin/sh", "-c",
                $"'{BinDir}/pg_dump' -h '{from.Host}' -U '{from.Username}' '{from.Database}' | psql -q -X -v ON_ERROR_STOP=1 -h '{to.Host}' -U '{to.Username}' -d '{to.Database}' > /dev/null");
        }
        finally
        {
            await TestCluster.DropAsync(clone);
        }

        await using var admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await using var durable = admin.CreateCommand($"ALTER DATABASE {Database} SET synchronous_commit = on");
        await durable.ExecuteNonQueryAsync();
        return ConnectionString;
    }

    /// <summary>SIGKILL to the postmaster and every one of its processes at once, as the kernel's OOM killer or a crash would; returns how many.</summary>
    public async Task<int> KillAsync()
    {
        var postmaster = int.Parse((await File.ReadAllLinesAsync(Path.Combine(_dataDir, "postmaster.pid")))[0], System.Globalization.CultureInfo.InvariantCulture);
        var children = (await File.ReadAllTextAsync($"/proc/{postmaster}/task/{postmaster}/children")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] signal = ["-9", postmaster.ToString(System.Globalization.CultureInfo.InvariantCulture), .. children];
        await RunAsync("kill", signal);
        return 1 + children.Length;
    }

    /// <summary>Starts the killed cluster again (crash recovery); returns when it accepts connections.</summary>
    public async Task RestartAsync()
    {
        File.Delete(Path.Combine(_dataDir, "postmaster.pid"));
        _postgres = await LocalPostgres.StartAsync(_dataDir, Database, throwAway: true);
    }

    /// <summary>Stops the cluster and deletes its files.</summary>
    public async Task StopAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.StopAsync();
            _postgres = null;
        }
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = "/tmp" };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, $"{file} {string.Join(' ', arguments)}: {await stderr}{await stdout}");
    }
}
