using System.Net;
using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// Flavor detection (docs/wire/kylin.md §10): which answer to the anonymous probe is which flavor, how
/// often it is sent, and what a client set up for one flavor says when it meets another.
/// </summary>
public sealed class KylinFlavorDetectionTests
{
    public static TheoryData<KylinFlavor> Flavors => new()
    {
        KylinFlavor.Kap3, KylinFlavor.Apache3, KylinFlavor.Apache4, KylinFlavor.KyligenceEnterprise4, KylinFlavor.Kylin5,
    };

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task EachFlavorsAnswerToTheAnonymousProbeIsThatFlavor(KylinFlavor flavor)
    {
        var stub = new StubHandler(_ => KylinProbeAnswers.Of(flavor));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Auto);

        Assert.Null(kylin.Client.DetectedFlavor);
        Assert.Equal(flavor, await kylin.Client.DetectFlavorAsync());
        Assert.Equal(flavor, await kylin.Client.DetectFlavorAsync());

        var probe = Assert.Single(stub.Requests);
        Assert.Equal("GET", probe.Method);
        Assert.Equal("/kylin/api/admin/version", probe.PathAndQuery);
        Assert.Null(probe.Header("Authorization"));
        Assert.Equal("application/json, application/vnd.apache.kylin-v2+json", probe.Header("Accept"));
        Assert.Equal(flavor, kylin.Client.DetectedFlavor);
    }

    [Fact]
    public async Task ConcurrentFirstCallsWaitForOneProbe()
    {
        var answer = new TaskCompletionSource();
        var probes = 0;
        using var http = new HttpClient(new GatedHandler(async request =>
        {
            if (KylinProbeAnswers.IsProbe(request))
            {
                Interlocked.Increment(ref probes);
                await answer.Task;
                return KylinProbeAnswers.Of(KylinFlavor.Kylin5);
            }

            return StubHandler.Json(HttpStatusCode.OK, """{"code":"000","data":{"value":["ops"],"offset":0,"limit":100,"total_size":1},"msg":""}""");
        }));
        using var client = new KylinClient(
            new KylinClientOptions { BaseAddress = new Uri("http://kylin.example.com:7070"), Credentials = KylinCredentials.Basic("ADMIN", "KYLIN") },
            http);

        var calls = Enumerable.Range(0, 24).Select(_ => client.AsUserGroupService().FindGroupByNameAsync("ops")).ToList();
        var detections = Enumerable.Range(0, 8).Select(_ => client.DetectFlavorAsync()).ToList();
        await Task.Delay(50);
        answer.SetResult();

        Assert.All(await Task.WhenAll(calls), group => Assert.Equal("ops", group!.Id));
        Assert.All(await Task.WhenAll(detections), flavor => Assert.Equal(KylinFlavor.Kylin5, flavor));
        Assert.Equal(1, probes);
    }

    [Fact]
    public async Task AWaitingCallerCanCancelWithoutStoppingTheProbeForTheOthers()
    {
        var answer = new TaskCompletionSource();
        using var http = new HttpClient(new GatedHandler(async _ =>
        {
            await answer.Task;
            return KylinProbeAnswers.Of(KylinFlavor.Apache4);
        }));
        using var client = new KylinClient(
            new KylinClientOptions { BaseAddress = new Uri("http://kylin.example.com:7070"), Credentials = KylinCredentials.Basic("ADMIN", "KYLIN") },
            http);
        using var cancel = new CancellationTokenSource();

        var cancelled = client.DetectFlavorAsync(cancel.Token);
        var waiting = client.DetectFlavorAsync();
        await cancel.CancelAsync();
        answer.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(KylinFlavor.Apache4, await waiting);
    }

    [Fact]
    public async Task AnotherKeCodeIsPlacedByTheLicenseRequest()
    {
        var stub = new StubHandler(request => KylinProbeAnswers.IsProbe(request)
            ? StubHandler.Json(HttpStatusCode.Unauthorized, """{"code":"999","data":null,"msg":"KE-010001201(Unauthorized):Login first.","stacktrace":"","exception":"","url":""}""")
            : StubHandler.Json(HttpStatusCode.OK, """{"code":"000","data":{"ke.version":"Kyligence Enterprise 4.3.4.0"},"msg":""}"""));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Auto);

        Assert.Equal(KylinFlavor.KyligenceEnterprise4, await kylin.Client.DetectFlavorAsync());

        Assert.Equal(["/kylin/api/admin/version", "/kylin/api/system/license"], stub.Requests.Select(r => r.PathAndQuery));
        Assert.Equal("application/vnd.apache.kylin-v4-public+json", stub.Requests[1].Header("Accept"));
        Assert.Null(stub.Requests[1].Header("Authorization"));
    }

    [Fact]
    public async Task AKyligenceEnterprise4BuildWithoutTheOpenApiIsNamedOutOfScopeAndNotKept()
    {
        var stub = new StubHandler(request => KylinProbeAnswers.IsProbe(request)
            ? StubHandler.Json(HttpStatusCode.Unauthorized, """{"code":"999","data":null,"msg":"KE-010001201(Unauthorized):Login first.","stacktrace":"","exception":"","url":""}""")
            : StubHandler.Text(HttpStatusCode.NotAcceptable, ""));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Auto);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.DetectFlavorAsync());
        await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.AsUserGroupService().FindGroupByNameAsync("ops"));

        Assert.Contains("Kyligence Enterprise 4.x build that predates the v4-public open API", error.Message, StringComparison.Ordinal);
        Assert.Contains("out of the SDK's scope", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotAcceptable, error.StatusCode);
        Assert.Equal(4, stub.Requests.Count);
        Assert.Null(kylin.Client.DetectedFlavor);
    }

    [Fact]
    public async Task AKyligenceEnterprise4ThatRefusesTheOpenApiIsNamedOutOfScope()
    {
        var stub = new StubHandler(request => KylinProbeAnswers.IsProbe(request)
            ? KylinProbeAnswers.Of(KylinFlavor.KyligenceEnterprise4)
            : StubHandler.Json(HttpStatusCode.InternalServerError, """{"timestamp":"2020-03-01T08:00:00.000+00:00","status":500,"error":"Internal Server Error","path":"/kylin/api/user_group/groups"}"""));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.KyligenceEnterprise4);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.AsUserGroupService().FindGroupByNameAsync("ops"));

        Assert.Contains("predates the v4-public open API", error.Message, StringComparison.Ordinal);
        Assert.Contains("out of the SDK's scope", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "<html>Not Found</html>", "text/html")]
    [InlineData(HttpStatusCode.Unauthorized, "<html>HTTP Status 401</html>", "text/html")]
    [InlineData(HttpStatusCode.OK, """{"status":"UP"}""", "application/json")]
    public async Task AnAnswerOfNoFlavorAsksForTheFlavorToBeSet(HttpStatusCode status, string body, string mediaType)
    {
        var stub = new StubHandler(_ => StubHandler.Text(status, body, mediaType));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Auto);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.DetectFlavorAsync());

        Assert.Contains("cannot tell which Kylin flavor the server is", error.Message, StringComparison.Ordinal);
        Assert.Contains("set KylinClientOptions.Flavor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApacheKylinOlderThan3IsNamedUnsupported()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"kylin.version":"Apache kylin 2.6.6"}"""));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Auto);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.DetectFlavorAsync());

        Assert.Contains("'Apache kylin 2.6.6'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CapabilitiesAreWhatEveryFlavorSharesUntilTheFlavorIsKnown()
    {
        var stub = new StubHandler(_ => KylinProbeAnswers.Of(KylinFlavor.Apache3));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Auto);
        var before = kylin.Service.Capabilities;

        await kylin.Client.DetectFlavorAsync();

        // Searched by name, one flat level of groups whose only native membership write replaces the whole list.
        var shared = new UserGroupCapabilities
        {
            Dialect = "Kylin",
            SupportsSearch = true,
            NativeSetMembers = true,
            MaxPageSize = int.MaxValue,
            UniqueNames = true,
            NameComparison = StringComparison.OrdinalIgnoreCase,
        };
        Assert.Equal(shared, before);
        Assert.Equal(shared with { NameComparison = StringComparison.Ordinal }, kylin.Service.Capabilities);
    }

    [Theory]
    [InlineData(KylinFlavor.Kap3, StringComparison.Ordinal)]
    [InlineData(KylinFlavor.Apache4, StringComparison.Ordinal)]
    [InlineData(KylinFlavor.Kylin5, StringComparison.OrdinalIgnoreCase)]
    [InlineData(KylinFlavor.KyligenceEnterprise4, StringComparison.OrdinalIgnoreCase)]
    public void ANamedFlavorsCapabilitiesAreItsOwnWithoutAnyRequest(KylinFlavor flavor, StringComparison comparison)
    {
        var stub = new StubHandler(_ => throw new InvalidOperationException("nothing is sent"));
        using var kylin = new KylinStub(stub, o => o.Flavor = flavor);

        Assert.Equal(comparison, kylin.Service.Capabilities.NameComparison);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task AnApacheClientOnKylin5NamesBothFlavors()
    {
        var stub = new StubHandler(request => KylinProbeAnswers.IsProbe(request)
            ? KylinProbeAnswers.Of(KylinFlavor.Kylin5)
            : StubHandler.Json(HttpStatusCode.NotAcceptable, """{"timestamp":"2024-05-01T08:00:00.000+00:00","status":406,"error":"Not Acceptable","path":"/kylin/api/user_group/groups"}"""));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Apache4);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Service.FindGroupByNameAsync("ops"));

        Assert.Contains("set up for Apache Kylin 4.x (KylinClientOptions.Flavor = Apache4)", error.Message, StringComparison.Ordinal);
        Assert.Contains("but the server is Kylin 5 (Kylin5:", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotAcceptable, error.StatusCode);
        Assert.Equal("application/json", stub.Requests[0].Header("Accept"));
    }

    [Fact]
    public async Task AKylin5ClientOnApacheKylinNamesBothFlavors()
    {
        var stub = new StubHandler(request => KylinProbeAnswers.IsProbe(request)
            ? KylinProbeAnswers.Of(KylinFlavor.Apache3)
            : StubHandler.Text(HttpStatusCode.NotAcceptable, "<html><h1>HTTP Status 406 – Not Acceptable</h1></html>"));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Kylin5);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.OpenUserGroups.CreateGroupAsync("ops"));

        Assert.Contains("set up for Kylin 5 (KylinClientOptions.Flavor = Kylin5)", error.Message, StringComparison.Ordinal);
        Assert.Contains("but the server is Apache Kylin 3.x (Apache3: Apache kylin 3.1.3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeCodedRefusalOfCredentialsOnTheApacheApiIsAnotherFlavor()
    {
        var stub = new StubHandler(request => KylinProbeAnswers.IsProbe(request)
            ? KylinProbeAnswers.Of(KylinFlavor.Kylin5)
            : StubHandler.Json(HttpStatusCode.Unauthorized, KylinProbeAnswers.Kylin5Refusal.Replace("KE-010003207", "KE-010003208", StringComparison.Ordinal)));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Apache3);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.ApacheUserGroups.ListGroupsAsync());

        Assert.Contains("but the server is Kylin 5", error.Message, StringComparison.Ordinal);
        Assert.IsType<UserGroupAuthenticationException>(error.InnerException);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task TheSameRefusalOnTheOpenApiIsAnAuthenticationError()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Unauthorized, KylinProbeAnswers.Kylin5Refusal.Replace("KE-010003207", "KE-010003208", StringComparison.Ordinal)));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Kylin5);

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => kylin.Client.OpenUserGroups.ListGroupsAsync());

        Assert.Equal("KE-010003208", error.ErrorCode);
        Assert.Single(stub.Requests);
    }

    private sealed class GatedHandler(Func<HttpRequestMessage, Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => respond(request);
    }
}
