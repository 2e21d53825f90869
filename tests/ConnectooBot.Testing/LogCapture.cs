using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ConnectooBot.Testing;

/// <summary>Keeps every log line the host writes (all levels), so tests can check what reaches the logs.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _lines = new();

    public IReadOnlyList<CapturedLog> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            lines.Enqueue(new CapturedLog(logLevel, category, eventId.Id, formatter(state, exception), exception?.ToString()));
        }
    }
}

/// <summary>One captured log line: level, category, event id, the formatted message and the exception, if any.</summary>
public sealed record CapturedLog(LogLevel Level, string Category, int EventId, string Message, string? Exception);
