using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace UserGroupClient.Tests.DependencyInjection;

/// <summary>A logger factory that keeps every message logged through it, for what a client names itself in logs.</summary>
internal sealed class CapturedLogs : ILoggerFactory, ILogger
{
    private readonly ConcurrentQueue<(int EventId, string Message)> _events = new();

    public IReadOnlyList<(int EventId, string Message)> Events => [.. _events];

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _events.Enqueue((eventId.Id, formatter(state, exception)));

    public void Dispose()
    {
    }
}
