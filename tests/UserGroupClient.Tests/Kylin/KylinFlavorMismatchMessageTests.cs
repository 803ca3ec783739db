using System.Net;
using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// What a typed API raises when its answer shows a server of another flavor (docs/wire/kylin.md "SDK", "Another
/// flavor's answer"): the message names the API or the configured flavor, the detected one with its evidence and what to
/// do; the exception keeps the first answer's facts and that answer as its inner exception. When the detection cannot
/// help, the first answer is raised as it is; a caller that stops waiting sees its cancellation.
/// </summary>
public sealed class KylinFlavorMismatchMessageTests
{
    private const string SpringBoot406 = """{"timestamp":"2024-05-01T08:00:00.000+00:00","status":406,"error":"Not Acceptable","path":"/kylin/api/user_group/groups"}""";
    private const string Facts = "(POST http://kylin.example.com:7070/kylin/api/user_group/ops → 406)";

    [Fact]
    public async Task AnAutoClientsTypedApiOfAnotherFlavorPointsToTheDetectedFlavorsApi()
    {
        using var kylin = OnServer(KylinFlavor.Auto, _ => KylinProbeAnswers.Of(KylinFlavor.Kylin5));

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.ApacheUserGroups.CreateGroupAsync("ops"));

        Assert.Equal(
            $"Kylin: KylinClient.ApacheUserGroups speaks the Apache Kylin 3.x/4.x user-group API, but the server is Kylin 5 (Kylin5: it refused an anonymous request with KE-010003207). Call KylinClient.OpenUserGroups instead, or the unified service, which speaks the detected flavor's API. The inner exception has the server's answer. {Facts}",
            error.Message);
        AssertFirstAnswer(error);
        Assert.Equal(KylinFlavor.Kylin5, kylin.Client.DetectedFlavor);
    }

    [Theory]
    [InlineData("UserGroups", "KylinClient.UserGroups speaks the KAP / Kyligence Enterprise 3.x v2 API, but the server is Apache Kylin 4.x", "Call KylinClient.ApacheUserGroups instead")]
    [InlineData("OpenUserGroups", "KylinClient.OpenUserGroups speaks the v4-public open API of Kylin 5 and Kyligence Enterprise 4.x, but the server is Apache Kylin 4.x", "Call KylinClient.ApacheUserGroups instead")]
    public async Task EachTypedApiIsNamedWithTheApiItSpeaks(string api, string mismatch, string advice)
    {
        using var kylin = OnServer(KylinFlavor.Auto, _ => KylinProbeAnswers.Of(KylinFlavor.Apache4));
        Func<Task> create = api == "UserGroups" ? () => kylin.Client.UserGroups.CreateGroupAsync("ops") : () => kylin.Client.OpenUserGroups.CreateGroupAsync("ops");

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(create);

        Assert.StartsWith($"Kylin: {mismatch} ", error.Message, StringComparison.Ordinal);
        Assert.Contains(advice, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientSetUpForAnotherFlavorAsksForTheFlavorToBeSet()
    {
        using var kylin = OnServer(KylinFlavor.Apache4, _ => KylinProbeAnswers.Of(KylinFlavor.KyligenceEnterprise4));

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.ApacheUserGroups.CreateGroupAsync("ops"));

        Assert.Equal(
            $"Kylin: the client, set up for Apache Kylin 4.x (KylinClientOptions.Flavor = Apache4), speaks the Apache Kylin 3.x/4.x user-group API, but the server is Kyligence Enterprise 4.x (KyligenceEnterprise4: it refused an anonymous request with KE-010003007). Set KylinClientOptions.Flavor to KyligenceEnterprise4 or Auto. The inner exception has the server's answer. {Facts}",
            error.Message);
        AssertFirstAnswer(error);
    }

    [Theory]
    [InlineData(KylinFlavor.Auto, "KylinClient.ApacheUserGroups")]
    [InlineData(KylinFlavor.Apache3, "the client, set up for Apache Kylin 3.x (KylinClientOptions.Flavor = Apache3),")]
    public async Task ADetectionThatNamesNoFlavorIsGivenAfterWhatTheApiDoesNotServe(KylinFlavor configured, string who)
    {
        using var kylin = OnServer(configured, _ => StubHandler.Text(HttpStatusCode.NotFound, "<html>Not Found</html>"));

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.ApacheUserGroups.CreateGroupAsync("ops"));

        Assert.Equal(
            $"Kylin: the server does not serve the Apache Kylin 3.x/4.x user-group API that {who} speaks (see the inner exception), and the SDK cannot tell which Kylin flavor the server is: it answered GET admin/version with HTTP 404. Check the base address, or set KylinClientOptions.Flavor to the server's flavor (Kap3, Apache3, Apache4, KyligenceEnterprise4, Kylin5). {Facts}",
            error.Message);
        AssertFirstAnswer(error);
    }

    [Fact]
    public async Task ADetectionThatReadsNoVersionIsGivenWithoutItsOwnRequestFacts()
    {
        using var kylin = OnServer(KylinFlavor.Auto, _ => StubHandler.Json(HttpStatusCode.OK, """{"status":"UP"}"""));

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.ApacheUserGroups.CreateGroupAsync("ops"));

        Assert.Equal(
            $"Kylin: the server does not serve the Apache Kylin 3.x/4.x user-group API that KylinClient.ApacheUserGroups speaks (see the inner exception), and the SDK cannot tell which Kylin flavor the server is: it answered GET admin/version with JSON that holds no \"kylin.version\". Check the base address, or set KylinClientOptions.Flavor to the server's flavor (Kap3, Apache3, Apache4, KyligenceEnterprise4, Kylin5). {Facts}",
            error.Message);
        AssertFirstAnswer(error);
    }

    [Theory]
    [InlineData(KylinFlavor.Apache3, KylinFlavor.Apache4)]
    [InlineData(KylinFlavor.Auto, KylinFlavor.Apache3)]
    public async Task AServerOfTheApisOwnFlavorGetsItsAnswerRaisedAsItIs(KylinFlavor configured, KylinFlavor server)
    {
        using var kylin = OnServer(configured, _ => KylinProbeAnswers.Of(server));

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.ApacheUserGroups.CreateGroupAsync("ops"));

        Assert.StartsWith("Kylin: the server does not serve this user-group API, so it is a Kylin of another flavor: it refused the request's media type with HTTP 406", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(Facts, error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
        Assert.Equal(server, kylin.Client.DetectedFlavor);
    }

    [Fact]
    public async Task AKylin5ThatRefusesTheOpenApiGetsItsAnswerRaisedAsItIs()
    {
        var stub = new StubHandler(request => KylinProbeAnswers.IsProbe(request)
            ? KylinProbeAnswers.Of(KylinFlavor.Kylin5)
            : StubHandler.Json(HttpStatusCode.NotAcceptable, SpringBoot406));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Kylin5);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.OpenUserGroups.CreateGroupAsync("ops"));

        Assert.StartsWith("Kylin: the server does not serve this user-group API, so it is a Kylin of another flavor", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("predates", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
        Assert.Equal(HttpStatusCode.NotAcceptable, error.StatusCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task ADetectionThatGetsNoAnswerLeavesTheFirstAnswerAsItIs(HttpStatusCode probeStatus)
    {
        using var kylin = OnServer(KylinFlavor.Apache4, _ => StubHandler.Text(probeStatus, "<html>busy</html>"));

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.ApacheUserGroups.CreateGroupAsync("ops"));

        Assert.StartsWith("Kylin: the server does not serve this user-group API, so it is a Kylin of another flavor", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotAcceptable, error.StatusCode);
        Assert.Null(error.InnerException);
        Assert.Null(kylin.Client.DetectedFlavor);
    }

    [Fact]
    public async Task ACallerThatStopsWaitingForTheDetectionSeesItsCancellation()
    {
        var probeSent = new TaskCompletionSource();
        var answer = new TaskCompletionSource();
        var stub = new StubHandler(async (request, _) =>
        {
            if (!KylinProbeAnswers.IsProbe(request))
            {
                return StubHandler.Json(HttpStatusCode.NotAcceptable, SpringBoot406);
            }

            probeSent.SetResult();
            await answer.Task;
            return KylinProbeAnswers.Of(KylinFlavor.Kylin5);
        });
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Apache4);
        using var cancel = new CancellationTokenSource();

        var call = kylin.Client.ApacheUserGroups.CreateGroupAsync("ops", cancel.Token);
        await probeSent.Task;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        answer.SetResult();
        Assert.Equal(KylinFlavor.Kylin5, await kylin.Client.DetectFlavorAsync());
    }

    private static KylinStub OnServer(KylinFlavor configured, Func<HttpRequestMessage, HttpResponseMessage> probe) =>
        new(new StubHandler(request => KylinProbeAnswers.IsProbe(request) ? probe(request) : StubHandler.Json(HttpStatusCode.NotAcceptable, SpringBoot406)), o => o.Flavor = configured);

    private static void AssertFirstAnswer(UserGroupUnsupportedServerException error)
    {
        var answer = Assert.IsType<UserGroupUnsupportedServerException>(error.InnerException);
        Assert.Equal("Kylin", error.Dialect);
        Assert.Equal(HttpStatusCode.NotAcceptable, error.StatusCode);
        Assert.Equal("POST", error.RequestMethod);
        Assert.Equal(new Uri("http://kylin.example.com:7070/kylin/api/user_group/ops"), error.RequestUri);
        Assert.Equal(SpringBoot406, error.ResponseBody);
        Assert.Equal(answer.StatusCode, error.StatusCode);
        Assert.Equal(answer.ResponseBody, error.ResponseBody);
    }
}
