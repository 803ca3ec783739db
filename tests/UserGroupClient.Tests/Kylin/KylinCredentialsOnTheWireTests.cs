using System.Net;
using System.Text;
using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// Where Kylin's credentials go (docs/wire/kylin.md §7): HTTP Basic in the Authorization header of every call and
/// nowhere else, none on a request marked anonymous, and none in the message of a refusal that echoes them.
/// </summary>
public sealed class KylinCredentialsOnTheWireTests
{
    private const string Password = "pw-5f3a9c";

    [Fact]
    public async Task ThePasswordGoesOnlyIntoTheBasicAuthorizationHeader()
    {
        var stub = new StubHandler((_, index) => index == 0
            ? KylinStub.Ok("""{"groupMembers":[],"size":0}""")
            : KylinStub.Ok("\"\""));
        using var kylin = new KylinStub(stub, o => o.Credentials = KylinCredentials.Basic("ANALYST", Password));

        await kylin.Client.UserGroups.ListGroupMembersAsync("ops", 1, 5);
        await kylin.Client.UserGroups.SetGroupUsersAsync("ops", ["u1"]);

        Assert.Equal(2, stub.Requests.Count);
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ANALYST:" + Password));
        Assert.All(stub.Requests, request =>
        {
            Assert.Equal(basic, request.Header("Authorization"));
            Assert.DoesNotContain(Password, request.PathAndQuery, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, request.Body ?? string.Empty, StringComparison.Ordinal);
            Assert.All(
                request.Headers.Where(h => h.Key != "Authorization"),
                h => Assert.DoesNotContain(Password, h.Value, StringComparison.Ordinal));
        });
        Assert.Equal("/kylin/api/user_group/groupMembers/ops?pageOffset=1&pageSize=5", stub.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task ARefusalThatEchoesTheCredentialsNamesNeither()
    {
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ANALYST:" + Password));
        var stub = new StubHandler(_ => KylinStub.Error(HttpStatusCode.BadRequest, $"bad header {basic} for password {Password}"));
        using var kylin = new KylinStub(stub, o => o.Credentials = KylinCredentials.Basic("ANALYST", Password));

        var error = await Assert.ThrowsAnyAsync<UserGroupApiException>(() => kylin.Client.UserGroups.ListGroupsAsync());

        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(basic["Basic ".Length..], error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestMarkedAnonymousSkipsTheCredentialsAndOthersGoThroughThem()
    {
        var inner = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var handler = new KylinAuthenticationHandler(new StampingHandler()) { InnerHandler = inner };
        using var invoker = new HttpMessageInvoker(handler);
        using var anonymous = new HttpRequestMessage(HttpMethod.Get, "http://kylin.example.com:7070/kylin/api/admin/version");
        anonymous.Options.Set(new HttpRequestOptionsKey<bool>(KylinAuthenticationHandler.Anonymous), true);
        using var unmarked = new HttpRequestMessage(HttpMethod.Get, "http://kylin.example.com:7070/kylin/api/user_group/groups");
        using var markedFalse = new HttpRequestMessage(HttpMethod.Get, "http://kylin.example.com:7070/kylin/api/user_group/groups");
        markedFalse.Options.Set(new HttpRequestOptionsKey<bool>(KylinAuthenticationHandler.Anonymous), false);

        (await invoker.SendAsync(anonymous, CancellationToken.None)).Dispose();
        (await invoker.SendAsync(unmarked, CancellationToken.None)).Dispose();
        (await invoker.SendAsync(markedFalse, CancellationToken.None)).Dispose();

        Assert.Equal([null, "Basic c3RhbXA=", "Basic c3RhbXA="], inner.Requests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public void DisposingTheHandlerDisposesTheCredentialsAndTheInnerHandler()
    {
        var credentials = new StampingHandler();
        var inner = new DisposalRecorder();
        var handler = new KylinAuthenticationHandler(credentials) { InnerHandler = inner };

        handler.Dispose();

        Assert.True(credentials.Disposed);
        Assert.True(inner.Disposed);
    }

    private sealed class StampingHandler : DelegatingHandler
    {
        public bool Disposed { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "c3RhbXA=");
            return base.SendAsync(request, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            Disposed |= disposing;
            base.Dispose(disposing);
        }
    }

    private sealed class DisposalRecorder : HttpMessageHandler
    {
        public bool Disposed { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));

        protected override void Dispose(bool disposing)
        {
            Disposed |= disposing;
            base.Dispose(disposing);
        }
    }
}
