using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.Tests.Diagnostics;
using UserGroupClient.Tests.Kylin;
using UserGroupClient.Tests.Owl;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// A list's page is parsed as it arrives, after its request's attempts are over. One whose body breaks off in transit
/// is asked for again, with the retry's count and backoff, since none of its items was handed out yet: a listing goes
/// on as if nothing had happened. A page that arrived whole but does not parse, or is larger than the client reads, is
/// final; without the SDK's resilience (off, or the application's own handler) the first break fails the call.
/// </summary>
public sealed class CutOffPageTests
{
    private const string FirstPage = """{"count": 3, "next": null, "previous": null, "results": [{"id": "g-1", "name": "ops"}, {"id": "g-2", "name": "dev"}]}""";
    private const string SecondPage = """{"count": 3, "next": null, "previous": null, "results": [{"id": "g-3", "name": "qa"}]}""";

    [Fact]
    public async Task ACutOffPageIsAskedForAgainAndTheListingGoesOnFromIt()
    {
        var stub = new StubHandler((_, index) => index switch
        {
            0 => StubHandler.Json(HttpStatusCode.OK, FirstPage),
            1 => CutOffBodyTests.CutOff(HttpStatusCode.OK, """{"count": 3, "results": [{"id": "g-3", """),
            _ => StubHandler.Json(HttpStatusCode.OK, SecondPage),
        });
        using var jms = new JumpServerStub(stub, configure: Retrying);

        var names = await Streams.ReadAsync(jms.Client.UserGroups.ListAllAsync(new JumpServerGroupListOptions { Limit = 2 }));

        Assert.Equal(["ops", "dev", "qa"], names.Select(group => group.Name));
        Assert.Equal(3, stub.Requests.Count);
        Assert.Equal(stub.Requests[1].PathAndQuery, stub.Requests[2].PathAndQuery);
        Assert.NotEqual(stub.Requests[0].PathAndQuery, stub.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task APageCutOffEveryTimeFailsAfterTheRetriesShowingWhatArrived()
    {
        var stub = new StubHandler(_ => CutOffBodyTests.CutOff(HttpStatusCode.OK, """{"count": 3, "token": "test-token"""));
        using var jms = new JumpServerStub(stub, configure: Retrying);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.ListAsync());

        Assert.Equal(4, stub.Requests.Count);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.IsType<HttpIOException>(error.InnerException);
        Assert.Equal("JumpServer answered with a response the SDK could not read: the body could not be read to its end (The response ended prematurely. (ResponseEnded)). (GET https://jms.example.com/api/v1/users/groups/ → 200)", error.Message);
        Assert.StartsWith("""{"count": 3, "token": """, error.ResponseBody, StringComparison.Ordinal);
        Assert.DoesNotContain("test-token", error.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutRetriesACutOffPageFailsAtOnce()
    {
        var stub = new StubHandler(_ => CutOffBodyTests.CutOff(HttpStatusCode.OK, """{"count": 3"""));
        using var jms = new JumpServerStub(stub, configure: o =>
        {
            Retrying(o);
            o.Resilience.MaxRetryAttempts = 0;
        });

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.ListAsync());

        Assert.Single(stub.Requests);
        Assert.IsType<HttpIOException>(error.InnerException);
    }

    [Fact]
    public async Task WithResilienceOffACutOffPageFailsAtOnce()
    {
        var stub = new StubHandler(_ => CutOffBodyTests.CutOff(HttpStatusCode.OK, """{"count": 3"""));
        using var jms = new JumpServerStub(stub);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.ListAsync());

        Assert.Single(stub.Requests);
        Assert.IsType<HttpIOException>(error.InnerException);
    }

    [Fact]
    public async Task APageThatArrivedWholeButDoesNotParseIsNotAskedForAgain()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"count": 3, "results": ["""));
        using var jms = new JumpServerStub(stub, configure: Retrying);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.ListAsync());

        Assert.Single(stub.Requests);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public async Task APageLargerThanTheClientReadsIsNotAskedForAgain()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(FirstPage.PadRight(4096)))),
        });
        using var jms = new JumpServerStub(stub, configure: o =>
        {
            Retrying(o);
            o.MaxResponseContentBytes = 1024;
        });

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.ListAsync());

        Assert.Single(stub.Requests);
        Assert.Contains("1024-byte limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageIsAskedForAgainAfterABackoffOnTheClientsClock()
    {
        var retriedAfter = await RetriedAfterAsync(TimeSpan.FromSeconds(2));

        Assert.True(retriedAfter > TimeSpan.Zero, "the page was asked for again without a backoff");
    }

    [Fact]
    public async Task TheBackoffsOfPagesCutOffAlikeDiffer()
    {
        // Jitter spreads the pages many callers ask for again at once, as it spreads retried requests.
        var backoffs = new List<TimeSpan>();
        for (var call = 0; call < 4; call++)
        {
            backoffs.Add(await RetriedAfterAsync(TimeSpan.FromSeconds(1)));
        }

        Assert.True(backoffs.Distinct().Count() > 1, $"every page was asked for again after {backoffs[0]}");
    }

    [Fact]
    public async Task ARequestThatGotNoAnswerIsRetriedByItsAttemptsOnly()
    {
        var stub = new StubHandler(_ => throw new HttpRequestException("Connection refused", null, HttpStatusCode.ServiceUnavailable));
        using var jms = new JumpServerStub(stub, configure: Retrying);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.ListAsync());

        Assert.Null(error.StatusCode);
        Assert.Equal(4, stub.Requests.Count);
    }

    [Fact]
    public async Task APageAskedForAgainIsCountedAsARetry()
    {
        var client = $"page-retry-{Guid.NewGuid():N}";
        var retries = new List<object?>();
        using var meters = RetryCounter.Listen(client, retries);
        var stub = new StubHandler((_, index) => index < 2 ? CutOffBodyTests.CutOff(HttpStatusCode.OK, """{"count": 3""") : StubHandler.Json(HttpStatusCode.OK, SecondPage));
        using var jms = new JumpServerStub(stub, configure: o =>
        {
            Retrying(o);
            o.ClientName = client;
        });

        await jms.Client.UserGroups.ListAsync();

        Assert.Equal(new object?[] { 1, 2 }, retries);
    }

    [Fact]
    public async Task UnderTheApplicationsOwnResilienceACutOffPageIsNotAskedForAgainByTheSdk()
    {
        var stub = new StubHandler(_ => CutOffBodyTests.CutOff(HttpStatusCode.OK, """{"count": 3"""));
        var services = new ServiceCollection();
        services.AddJumpServerClient("ops", o =>
            {
                o.BaseAddress = new Uri("https://jms.example.com/");
                o.Credentials = JumpServerCredentials.Bearer("tok-8812");
                o.Resilience.BaseDelay = TimeSpan.Zero;
            })
            .ConfigurePrimaryHttpMessageHandler(() => stub)
            .UseResilienceHandler(_ => new PassOn());
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => provider.GetRequiredKeyedService<JumpServerClient>("ops").UserGroups.ListAsync());

        Assert.Single(stub.Requests);
        Assert.IsType<HttpIOException>(error.InnerException);
    }

    [Fact]
    public async Task AClientBuiltByDependencyInjectionAsksForACutOffPageAgain()
    {
        var stub = new StubHandler((_, index) => index == 0 ? CutOffBodyTests.CutOff(HttpStatusCode.OK, """{"count": 3""") : StubHandler.Json(HttpStatusCode.OK, SecondPage));
        var services = new ServiceCollection();
        services.AddJumpServerClient("ops", o =>
            {
                o.BaseAddress = new Uri("https://jms.example.com/");
                o.Credentials = JumpServerCredentials.Bearer("tok-8812");
                o.Resilience.BaseDelay = TimeSpan.Zero;
            })
            .ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();

        var page = await provider.GetRequiredKeyedService<JumpServerClient>("ops").UserGroups.ListAsync();

        Assert.Equal("qa", Assert.Single(page.Results).Name);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task AMinAppPageCutOffIsAskedForAgain()
    {
        var asked = 0;
        using var stub = new MinAppStub(configure: Retrying);
        stub.Api = _ => Interlocked.Increment(ref asked) == 1
            ? CutOffBodyTests.CutOff(HttpStatusCode.OK, """{"meta": {"next": null}, "objects": [""")
            : StubHandler.Json(HttpStatusCode.OK, """{"meta": {"next": null, "offset": 0, "total_count": 1}, "objects": [{"id": 7, "name": "ops"}]}""");

        var page = await stub.Client.UserGroups.ListAsync();

        Assert.Equal("ops", Assert.Single(page.Objects).Name);
        Assert.Equal(2, asked);
    }

    [Fact]
    public async Task AKylinPageCutOffIsAskedForAgain()
    {
        var stub = new StubHandler((_, index) => index == 0
            ? CutOffBodyTests.CutOff(HttpStatusCode.OK, """{"code":"000","data":["ops",""")
            : KylinStub.Ok("""["ops","dev"]"""));
        using var kylin = new KylinStub(stub, Retrying);

        var groups = await kylin.Client.UserGroups.ListGroupsAsync();

        Assert.Equal(["ops", "dev"], groups);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task AnOwlPageCutOffIsAskedForAgain()
    {
        var stub = new StubHandler((_, index) => index == 0
            ? CutOffBodyTests.CutOff(HttpStatusCode.OK, """{"code":200,"groups":[{"id":8,""")
            : StubHandler.Json(HttpStatusCode.OK, """{"code":200,"groups":[{"id":8,"name":"web"}]}"""));
        using var owl = new OwlStub(stub, configure: Retrying);

        var groups = await owl.Client.HostGroups.ListAsync();

        Assert.Equal("web", Assert.Single(groups).Name);
        Assert.Equal(2, stub.Requests.Count);
    }

    /// <summary>Lists a page whose first answer is cut off, on a clock the test moves; how long after it the page was asked for again.</summary>
    private static async Task<TimeSpan> RetriedAfterAsync(TimeSpan baseDelay)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var arrivals = new List<TimeSpan>();
        var stub = new StubHandler((_, index) =>
        {
            lock (arrivals)
            {
                arrivals.Add(clock.Elapsed);
            }

            clock.Arrived();
            return index == 0 ? CutOffBodyTests.CutOff(HttpStatusCode.OK, """{"count": 3""") : StubHandler.Json(HttpStatusCode.OK, SecondPage);
        });
        using var jms = new JumpServerStub(stub, configure: o =>
        {
            o.Resilience.Enabled = true;
            o.Resilience.BaseDelay = baseDelay;
            o.TimeProvider = clock;
        });

        var page = await clock.RunAsync(jms.Client.UserGroups.ListAsync());

        Assert.Equal("qa", Assert.Single(page.Results).Name);
        Assert.Equal(2, arrivals.Count);
        Assert.Equal(TimeSpan.Zero, arrivals[0]);
        return arrivals[1];
    }

    private static void Retrying(UserGroupClientOptions options)
    {
        options.Resilience.Enabled = true;
        options.Resilience.BaseDelay = TimeSpan.Zero;
    }

    /// <summary>An application's pipeline that sends each request on once.</summary>
    private sealed class PassOn : DelegatingHandler;
}
