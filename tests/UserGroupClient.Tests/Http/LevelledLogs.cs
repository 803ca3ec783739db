using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace UserGroupClient.Tests.Http;

/// <summary>A logger factory that keeps every event at or above its level, with the level and event it was logged as.</summary>
internal sealed class LevelledLogs(LogLevel minimum) : ILoggerFactory, ILogger
{
    private readonly ConcurrentQueue<LoggedEvent> _events = new();

    public IReadOnlyList<LoggedEvent> Events => [.. _events];

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _events.Enqueue(new LoggedEvent(logLevel, eventId.Id, formatter(state, exception)));
        }
    }

    public void Dispose()
    {
    }
}

internal sealed record LoggedEvent(LogLevel Level, int EventId, string Message);
