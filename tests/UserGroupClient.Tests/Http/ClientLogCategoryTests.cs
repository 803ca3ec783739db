using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// A client's log entries carry the category <c>UserGroupClient</c>, by which an application's logging configuration
/// filters them.
/// </summary>
public sealed class ClientLogCategoryTests
{
    [Fact]
    public async Task AFailedCallIsLoggedUnderTheUserGroupClientCategory()
    {
        var logs = new CategorizedLogs();
        using var jumpServer = new JumpServerStub(
            new StubHandler(_ => StubHandler.Json(HttpStatusCode.NotFound, """{"detail":"Not found."}""")),
            configure: o => o.LoggerFactory = logs);

        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => jumpServer.Client.UserGroups.GetAsync("7413d36d-cf37-45f4-b42a-cd5eeff1f4ff"));

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.All(logs.Entries, e => Assert.Equal("UserGroupClient", e.Category));
    }

    /// <summary>Keeps every entry with the category of the logger it was written to.</summary>
    private sealed class CategorizedLogs : ILoggerFactory
    {
        private readonly ConcurrentQueue<(string Category, LogLevel Level)> _entries = new();

        public IReadOnlyList<(string Category, LogLevel Level)> Entries => [.. _entries];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string Category, LogLevel Level)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, logLevel));
        }
    }
}
