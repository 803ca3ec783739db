using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using UserGroupClient.Kylin;
using UserGroupClient.Tests.Http;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// The log a user reads when the flavor is found (event <c>KylinFlavorDetected</c>, docs/wire/kylin.md "SDK"): the
/// client's name, the flavor and the evidence the server gave for it.
/// </summary>
public sealed class KylinDetectionLogTests
{
    [Theory]
    [InlineData(KylinFlavor.Apache3, "Apache kylin 3.1.3")]
    [InlineData(KylinFlavor.Apache4, "Apache kylin 4.0.5")]
    [InlineData(KylinFlavor.Kylin5, "it refused an anonymous request with KE-010003207")]
    [InlineData(KylinFlavor.KyligenceEnterprise4, "it refused an anonymous request with KE-010003007")]
    [InlineData(KylinFlavor.Kap3, "it refused an anonymous request with its v2 error envelope")]
    public async Task TheDetectedFlavorIsLoggedOnceWithTheServersEvidence(KylinFlavor flavor, string evidence)
    {
        var logs = new LevelledLogs(LogLevel.Information);
        var stub = new StubHandler(_ => KylinProbeAnswers.Of(flavor));
        using var kylin = new KylinStub(stub, o => (o.Flavor, o.LoggerFactory, o.ClientName) = (KylinFlavor.Auto, logs, "warehouse"));

        await kylin.Client.DetectFlavorAsync();
        await kylin.Client.DetectFlavorAsync();

        var detected = Assert.Single(logs.Events, e => e.EventId == 1100);
        Assert.Equal(LogLevel.Information, detected.Level);
        Assert.Equal($"warehouse: the Kylin server is {flavor} ({evidence})", detected.Message);
    }

    [Fact]
    public async Task ALicenseThatNamesTheReleaseIsTheEvidence()
    {
        var logs = new LevelledLogs(LogLevel.Information);
        var stub = new StubHandler(request => KylinProbeAnswers.IsProbe(request)
            ? StubHandler.Json(HttpStatusCode.Unauthorized, """{"code":"999","data":null,"msg":"KE-010001201(Unauthorized):Login first.","stacktrace":"","exception":"","url":""}""")
            : StubHandler.Json(HttpStatusCode.OK, """{"code":"000","data":{"ke.version":"Kyligence Enterprise 4.3.4.0"},"msg":""}"""));
        using var kylin = new KylinStub(stub, o => (o.Flavor, o.LoggerFactory) = (KylinFlavor.Auto, logs));

        await kylin.Client.DetectFlavorAsync();

        var detected = Assert.Single(logs.Events, e => e.EventId == 1100);
        Assert.Equal("Kylin: the Kylin server is KyligenceEnterprise4 (its license reports Kyligence Enterprise 4.3.4.0)", detected.Message);
    }

    [Fact]
    public async Task AFailedDetectionLogsNoFlavor()
    {
        var logs = new LevelledLogs(LogLevel.Information);
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"kylin.version":"Apache kylin 2.6.6"}"""));
        using var kylin = new KylinStub(stub, o => (o.Flavor, o.LoggerFactory) = (KylinFlavor.Auto, logs));

        await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.DetectFlavorAsync());

        Assert.DoesNotContain(logs.Events, e => e.EventId == 1100);
    }

    [Fact]
    public async Task TheDetectionIsLoggedUnderTheUserGroupClientCategory()
    {
        var logs = new CategorizedLogs();
        var stub = new StubHandler(_ => KylinProbeAnswers.Of(KylinFlavor.Kylin5));
        using var kylin = new KylinStub(stub, o => (o.Flavor, o.LoggerFactory) = (KylinFlavor.Auto, logs));

        await kylin.Client.DetectFlavorAsync();

        Assert.Contains(logs.Entries, e => e.EventId == 1100);
        Assert.All(logs.Entries, e => Assert.Equal("UserGroupClient", e.Category));
    }

    /// <summary>Keeps every entry's event id with the category of the logger it was written to.</summary>
    private sealed class CategorizedLogs : ILoggerFactory
    {
        private readonly ConcurrentQueue<(string Category, int EventId)> _entries = new();

        public IReadOnlyList<(string Category, int EventId)> Entries => [.. _entries];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string Category, int EventId)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, eventId.Id));
        }
    }
}
