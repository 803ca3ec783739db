using System.Diagnostics;
using Microsoft.Extensions.Logging;
using UserGroupClient.Diagnostics;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>
/// What an observed application attaches to the SDK: an <see cref="ActivityListener"/> that records every span of the
/// SDK's activity source, and a logger factory (Microsoft.Extensions.Logging, minimum level Information) whose logger
/// formats every event it receives, then discards the text. The listener is process-wide, so it is attached only
/// while the case that measures it runs.
/// </summary>
internal sealed class ObservedTelemetry : IDisposable
{
    private ActivityListener? _listener;

    public ILoggerFactory LoggerFactory { get; } = Microsoft.Extensions.Logging.LoggerFactory.Create(logging => logging.AddProvider(new DiscardingLoggerProvider()));

    public void Attach()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == UserGroupClientTelemetry.Name,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = static activity => TextWriter.Null.Write(activity.DisplayName),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Detach()
    {
        _listener?.Dispose();
        _listener = null;
    }

    public void Dispose()
    {
        Detach();
        LoggerFactory.Dispose();
    }

    private sealed class DiscardingLoggerProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new DiscardingLogger();

        public void Dispose()
        {
        }
    }

    private sealed class DiscardingLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            TextWriter.Null.Write(formatter(state, exception));
    }
}
