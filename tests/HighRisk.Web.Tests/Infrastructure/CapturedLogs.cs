using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HighRisk.Web.Tests.Infrastructure;

/// <summary>Keeps every log line the service writes during the test run, at every level, for the privacy checks.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public static ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
