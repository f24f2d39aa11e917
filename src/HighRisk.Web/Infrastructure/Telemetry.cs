using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HighRisk.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core, outgoing HTTP (SMS gateways), Npgsql, and HighRisk's own — job
/// durations, SMS outcomes, overdue counts. Exported over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
public static class Telemetry
{
    public const string Name = "HighRisk";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("highrisk.job.duration", "s", "How long each background job took");

    public static readonly Counter<long> SmsOutcomes = Meter.CreateCounter<long>("highrisk.sms.outcomes", description: "SMS send attempts by outcome (sent, retry, failed, expired)");

    public static readonly Counter<long> OverdueEntries = Meter.CreateCounter<long>("highrisk.overdue.entries", description: "Women put on the daily overdue lists, by colour");

    /// <summary>
    /// Traces and metrics are collected only when they are exported: collecting without an exporter cost about 2 ms of
    /// CPU per request in the province-scale benchmark (docs/benchmarks.md).
    /// </summary>
    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return;
        }

        var role = (builder.Configuration["HighRisk:Role"] ?? "all").ToLowerInvariant();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? $"highrisk-{role}"))
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource("Npgsql").AddSource(Name))
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter("Npgsql").AddMeter(Name))
            .UseOtlpExporter();
    }

    /// <summary>Times a job for <see cref="JobDuration"/>.</summary>
    public static JobTimer Time(string job) => new(job);

    public readonly struct JobTimer(string job) : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();

        public void Dispose() => JobDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, new KeyValuePair<string, object?>("job", job));
    }
}
