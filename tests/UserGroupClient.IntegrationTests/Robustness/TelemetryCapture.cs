using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace UserGroupClient.IntegrationTests.Robustness;

/// <summary>
/// Everything the SDK lets out during a session: every log event at Trace level (message, structured values, scopes
/// and exception), every span of the "UserGroupClient" source (name, tags, events, status), and whatever text a test
/// adds (exception messages, <c>ToString()</c> results).
/// </summary>
internal sealed class TelemetryCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _texts = new();
    private readonly ActivityListener _listener;

    public TelemetryCapture()
    {
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "UserGroupClient",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ILoggerFactory LoggerFactory { get; }

    public int LogEvents { get; private set; }

    public int Spans { get; private set; }

    public IEnumerable<string> Texts => _texts;

    /// <summary>Adds an exception's message, <c>ToString()</c> and reported response, and those of its inner exceptions.</summary>
    public void Add(Exception exception)
    {
        Add(exception.Message);
        Add(exception.ToString());
        if (exception is UserGroupApiException api)
        {
            Add(api.ResponseBody);
            Add(api.ServerMessage);
            Add(api.RequestUri?.ToString());
        }
    }

    public void Add(string? text)
    {
        if (text is not null)
        {
            _texts.Enqueue(text);
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
        _listener.Dispose();
        LoggerFactory.Dispose();
    }

    private void Record(Activity activity)
    {
        // Spans of concurrently running tests of other classes may arrive here too; scanning more text only makes the check stricter.
        Spans++;
        Add(activity.DisplayName);
        Add(activity.OperationName);
        Add(activity.StatusDescription);
        foreach (var (key, value) in activity.TagObjects)
        {
            Add($"{key}={value}");
        }

        foreach (var activityEvent in activity.Events)
        {
            Add(activityEvent.Name);
            foreach (var (key, value) in activityEvent.Tags)
            {
                Add($"{key}={value}");
            }
        }
    }

    private sealed class Logger(TelemetryCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            capture.Add(state.ToString());
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            capture.LogEvents++;
            capture.Add($"{category} {eventId} {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    capture.Add($"{key}={value}");
                }
            }

            if (exception is not null)
            {
                capture.Add(exception);
            }
        }
    }
}
