using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Diagnostics;

namespace UserGroupClient.Tests.Diagnostics;

/// <summary>
/// An attempt that began while nothing wanted its duration (no listener on the SDK's meter, Debug logging off) is not
/// timed: when Debug logging is turned on while it is out, it ends without a Debug event, whose duration would be
/// unknown; the attempts after it are logged. Run apart from the tests that listen to the meter.
/// </summary>
[Collection(nameof(UnmeteredAttempts))]
public sealed class UntimedAttemptTests
{
    [Fact]
    public void AnAnswerToAnAttemptBegunWithDebugLoggingOffIsNotLogged()
    {
        Assert.False(UserGroupClientTelemetry.RequestDuration.Enabled, "another test left a listener on the SDK's meter");
        var logs = new SwitchedLogs();
        var clock = new FakeTimeProvider();
        var telemetry = new AttemptTelemetry("untimed", logs, clock);
        using var first = Attempts.Get();
        using var second = Attempts.Get();
        using var response = Attempts.Json(HttpStatusCode.OK);

        var untimed = telemetry.Start(first, 1);
        logs.Debug = true;
        clock.Advance(TimeSpan.FromMilliseconds(20));
        telemetry.Completed(untimed, response);
        Assert.Empty(logs.Messages);

        var timed = telemetry.Start(second, 2);
        clock.Advance(TimeSpan.FromMilliseconds(30));
        telemetry.Completed(timed, response);
        Assert.StartsWith("untimed: attempt 2 GET /api/v1/users/groups/ answered 200 in 30.0 ms", Assert.Single(logs.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AFailureOfAnAttemptBegunWithDebugLoggingOffIsNotLogged()
    {
        Assert.False(UserGroupClientTelemetry.RequestDuration.Enabled, "another test left a listener on the SDK's meter");
        var logs = new SwitchedLogs();
        var clock = new FakeTimeProvider();
        var telemetry = new AttemptTelemetry("untimed", logs, clock);
        using var first = Attempts.Get();
        using var second = Attempts.Get();

        var untimed = telemetry.Start(first, 1);
        logs.Debug = true;
        clock.Advance(TimeSpan.FromMilliseconds(20));
        telemetry.Failed(untimed, new HttpRequestException("connection reset"));
        Assert.Empty(logs.Messages);

        var timed = telemetry.Start(second, 2);
        clock.Advance(TimeSpan.FromMilliseconds(30));
        telemetry.Failed(timed, new HttpRequestException("connection reset"));
        Assert.Equal("untimed: attempt 2 GET /api/v1/users/groups/ failed after 30.0 ms: System.Net.Http.HttpRequestException", Assert.Single(logs.Messages));
    }

    /// <summary>A logger whose Debug level the test turns on; it keeps what it logs.</summary>
    private sealed class SwitchedLogs : ILogger
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public bool Debug { get; set; }

        public IReadOnlyList<string> Messages => [.. _messages];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => Debug || logLevel > LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                _messages.Enqueue(formatter(state, exception));
            }
        }
    }
}

/// <summary>The tests that need nobody listening to the SDK's meter: run after, and not alongside, the others.</summary>
[CollectionDefinition(nameof(UnmeteredAttempts), DisableParallelization = true)]
public sealed class UnmeteredAttempts;
