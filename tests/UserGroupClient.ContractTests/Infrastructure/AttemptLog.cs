using Microsoft.Extensions.Logging;

namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>
/// Counts the attempts the client itself reports as failed (its <c>AttemptFailed</c> log event). The client's count is
/// the one to trust when an attempt is cut short by its timeout: on a busy machine an attempt can run out before its
/// request reaches the server, and then the server never sees it.
/// </summary>
internal sealed class AttemptLog : ILoggerFactory
{
    private const string AttemptFailed = "AttemptFailed";

    private int _failed;

    /// <summary>How many attempts failed without an answer.</summary>
    public int Failed => Volatile.Read(ref _failed);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(AttemptLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name == AttemptFailed)
            {
                Interlocked.Increment(ref log._failed);
            }
        }
    }
}
