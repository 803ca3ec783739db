using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using UserGroupClient.Diagnostics;
using UserGroupClient.JumpServer;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.IntegrationTests.Observability;

/// <summary>Logs, spans and metrics of real calls against the emulator. Not run in parallel with other telemetry listeners.</summary>
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests
{
    [Fact]
    public async Task OneInformationEventPerCallAndDebugEventsPerAttemptWithStableIds()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var client = Client(emulator, loggerFactory);
        emulator.Faults.Enqueue(new EmulatedFault(503) { Method = "GET" });

        await client.UserGroups.ListAsync();

        var events = logs.Events.Where(e => e.Category == "UserGroupClient").ToList();
        var call = Assert.Single(events, e => e.Level == LogLevel.Information);
        Assert.Equal(1000, call.EventId.Id);
        Assert.Equal("CallSucceeded", call.EventId.Name);
        Assert.Contains("/api/v1/users/groups/", call.Message, StringComparison.Ordinal);
        var attempts = events.Where(e => e.Level == LogLevel.Debug && e.EventId.Id == 1002).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Contains("503", attempts[0].Message, StringComparison.Ordinal);
        Assert.Contains("X-JMS-ORG", attempts[0].Message, StringComparison.Ordinal);
        Assert.All(events, e => Assert.DoesNotContain("Authorization", e.Message, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AFailedCallIsOneWarning()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var client = Client(emulator, loggerFactory);

        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => client.UserGroups.GetAsync(Guid.NewGuid().ToString()));

        var warning = Assert.Single(logs.Events, e => e.Level == LogLevel.Warning);
        Assert.Equal(1001, warning.EventId.Id);
    }

    [Fact]
    public async Task SpansPerFacadeOperationAndPerAttemptUseOpenTelemetryNames()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == UserGroupClientTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var client = Client(emulator, null, "traced");
        var group = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("traced"));
        emulator.Faults.Enqueue(new EmulatedFault(502) { Method = "GET" });
        await client.AsUserGroupService().GetGroupAsync(group.Id);

        // Other tests trace in parallel: keep the attempts sent to this emulator and the operations they belong to.
        var sent = spans.Where(s => s.Kind == ActivityKind.Client && s.GetTagItem("server.port") is int port && port == emulator.BaseAddress.Port).ToList();
        var mine = spans.Where(s => sent.Any(a => a.ParentSpanId == s.SpanId)).Concat(sent).ToList();
        var create = Assert.Single(mine, s => s.OperationName == "UserGroupClient.CreateGroup");
        Assert.Equal("JumpServer", create.GetTagItem("usergroupclient.dialect"));
        var get = Assert.Single(mine, s => s.OperationName == "UserGroupClient.GetGroup");
        Assert.Equal(group.Id, get.GetTagItem("usergroupclient.group_id"));
        var createAttempts = mine.Where(s => s.Kind == ActivityKind.Client && s.ParentSpanId == create.SpanId).ToList();
        Assert.Equal(["GET", "POST"], createAttempts.OrderBy(s => s.StartTimeUtc).Select(s => (string)s.GetTagItem("http.request.method")!));
        var post = createAttempts.Single(s => (string)s.GetTagItem("http.request.method")! == "POST");
        Assert.Equal(201, post.GetTagItem("http.response.status_code"));
        Assert.Equal("127.0.0.1", post.GetTagItem("server.address"));
        Assert.NotNull(post.GetTagItem("server.port"));
        Assert.StartsWith("http://127.0.0.1:", (string)post.GetTagItem("url.full")!, StringComparison.Ordinal);
        var attempts = mine.Where(s => s.Kind == ActivityKind.Client && s.ParentSpanId == get.SpanId).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal("502", attempts[0].GetTagItem("error.type"));
        Assert.Equal(1, attempts[1].GetTagItem("http.request.resend_count"));
    }

    [Fact]
    public async Task DurationHistogramAndRetryCounterAreRecorded()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var durations = new ConcurrentQueue<(double Seconds, Dictionary<string, object?> Tags)>();
        var retries = 0L;
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == UserGroupClientTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "http.client.request.duration")
            {
                durations.Enqueue((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "usergroupclient.client.retries" && tags.ToArray().Any(t => t.Key == "usergroupclient.client" && (string?)t.Value == "metered"))
            {
                Interlocked.Add(ref retries, value);
            }
        });
        meters.Start();
        using var client = Client(emulator, null, "metered");
        emulator.Faults.Enqueue(new EmulatedFault(503) { Method = "GET" }, times: 2);

        await client.UserGroups.ListAsync();

        var mine = durations.Where(d => d.Tags.GetValueOrDefault("server.port") is int port && port == emulator.BaseAddress.Port).ToList();
        Assert.Equal(3, mine.Count);
        Assert.All(mine, d => Assert.True(d.Seconds >= 0));
        Assert.Equal(2, mine.Count(d => d.Tags.GetValueOrDefault("http.response.status_code") is 503));
        Assert.Equal(2, Interlocked.Read(ref retries));
    }

    private static JumpServerClient Client(JumpServerEmulator emulator, ILoggerFactory? loggerFactory, string? name = null)
    {
        var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
        var options = new JumpServerClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = JumpServerCredentials.AccessKey(key.Id, key.Secret),
            LoggerFactory = loggerFactory,
            ClientName = name,
        };
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
        return new JumpServerClient(options);
    }
}
