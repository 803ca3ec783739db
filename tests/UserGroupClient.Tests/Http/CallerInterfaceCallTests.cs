using System.Net;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// What a caller's own Refit interface (<c>CreateApi</c>) gets beyond the dialect's headers: an empty success body is
/// <see langword="null"/> unless the method requires a body, and disposing the interface leaves the client working.
/// </summary>
public sealed class CallerInterfaceCallTests
{
    [Fact]
    public async Task AnEmptySuccessBodyIsNullForAMethodThatDoesNotRequireOne()
    {
        using var jumpServer = new JumpServerStub(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)));

        var named = await jumpServer.Client.CreateApi<ICallerLookup>(CallerLookupJson.Default).GetAsync(1);

        Assert.Null(named);
        Assert.Single(jumpServer.Handler.Requests);
    }

    [Fact]
    public async Task DisposingACallersInterfaceLeavesTheClientAndItsOtherInterfacesWorking()
    {
        using var jumpServer = new JumpServerStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"name":"ops"}""")));
        using (var first = jumpServer.Client.CreateApi<ICallerLookup>(CallerLookupJson.Default))
        {
            Assert.Equal("ops", (await first.GetAsync(1))?.Name);
        }

        using var second = jumpServer.Client.CreateApi<ICallerLookup>(CallerLookupJson.Default);

        Assert.Equal("ops", (await second.GetAsync(2))?.Name);
        Assert.Equal(2, jumpServer.Handler.Requests.Count);
    }
}
