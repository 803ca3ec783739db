using System.Net;
using UserGroupClient.MinApp;
using UserGroupClient.Tests.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// A caller's own Refit interface (<c>CreateApi</c>) sends the headers its dialect's server needs, though its methods
/// name none: JumpServer's organization, MinApp's environment, Kylin's media type and language.
/// </summary>
public sealed class CallerInterfaceDialectHeadersTests
{
    [Fact]
    public async Task JumpServerSendsTheConfiguredOrganizationAndJsonAccept()
    {
        const string organization = "9a1b6a57-2a3f-4f83-9d5e-0d8a3f1c2b44";
        using var jumpServer = new JumpServerStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"name":"ops"}""")), configure: o => o.OrganizationId = organization);

        var named = await jumpServer.Client.CreateApi<ICallerLookup>(CallerLookupJson.Default).GetAsync(1);

        Assert.Equal("ops", named?.Name);
        var sent = Assert.Single(jumpServer.Handler.Requests);
        Assert.Equal(organization, sent.Header("X-JMS-ORG"));
        Assert.Equal("application/json", sent.Header("Accept"));
    }

    [Fact]
    public async Task MinAppSendsTheConfiguredEnvironment()
    {
        using var minApp = new MinAppStub(MinAppCredentials.AccessToken("stub-access-token"), o => o.EnvironmentId = "test-env")
        {
            Api = _ => StubHandler.Json(HttpStatusCode.OK, """{"name":"ops"}"""),
        };
        minApp.Accept("stub-access-token");

        var named = await minApp.Client.CreateApi<ICallerLookup>(CallerLookupJson.Default).GetAsync(1);

        Assert.Equal("ops", named?.Name);
        Assert.Equal("test-env", Assert.Single(minApp.ApiRequests).Header("X-Hydrogen-Env-ID"));
    }

    [Fact]
    public async Task KylinSendsTheMediaTypeOfItsFlavorAndEnglish()
    {
        using var kylin = new KylinStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"name":"ops"}""")));

        var named = await kylin.Client.CreateApi<ICallerLookup>(CallerLookupJson.Default).GetAsync(1);

        Assert.Equal("ops", named?.Name);
        var sent = Assert.Single(kylin.Handler.Requests);
        Assert.Equal("application/vnd.apache.kylin-v2+json", sent.Header("Accept"));
        Assert.Equal("en", sent.Header("Accept-Language"));
    }
}
