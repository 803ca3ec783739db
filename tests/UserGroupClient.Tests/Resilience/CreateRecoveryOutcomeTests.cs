using System.Net;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// What a facade create whose answer was lost ends with: the one group that appeared meanwhile, a fresh create when none
/// did, a refusal to guess when several did, and the failure as it is when it was no loss in transit or when retries are
/// turned off (then nothing is looked up at all).
/// </summary>
public sealed class CreateRecoveryOutcomeTests
{
    [Fact]
    public async Task TheGroupALostCreateMadeIsTakenWithoutCreatingAgain()
    {
        var server = new RecoveryServer { Answer = _ => new HttpRequestException("connection reset"), CreatedThenLost = _ => true };
        var recovery = server.Recovery(_ => { });

        var group = await server.Drive(recovery.CreateUniqueAsync("ops", server.CreateAsync, server.FindAsync, CancellationToken.None));

        Assert.Equal(server.Groups.Single(), group);
        Assert.Single(server.Creates);
        Assert.Equal(2, server.Lookups);
    }

    [Fact]
    public async Task AGroupThatHadTheNameBeforeIsNotTakenForTheLostCreate()
    {
        // A dialect where names need not be unique: the older group is someone else's, so the create is sent again.
        var server = new RecoveryServer { Answer = attempt => attempt == 0 ? new HttpRequestException("connection reset") : null };
        var older = server.Add("ops");
        var recovery = server.Recovery(o => o.BaseDelay = TimeSpan.Zero);

        var group = await server.Drive(recovery.CreateAsync("ops", server.CreateAsync, server.FindAllAsync, CancellationToken.None));

        Assert.NotEqual(older, group);
        Assert.Equal([older, group], server.Groups);
        Assert.Equal(2, server.Creates.Count);
    }

    [Fact]
    public async Task SeveralNewGroupsWithTheNameAreReportedAndNoneIsTaken()
    {
        var lost = new UserGroupApiException("bad gateway", new HttpRequestException("reset"))
        {
            StatusCode = HttpStatusCode.BadGateway,
            RequestMethod = "POST",
            RequestUri = new Uri("https://jms.example.com/api/v1/users/groups/"),
        };
        var server = new RecoveryServer { Answer = _ => lost, CreatedThenLost = _ => true };
        var recovery = server.Recovery(_ => { });
        server.Add("other");

        // Someone else created the name too, between the first look and the second.
        var create = recovery.CreateAsync(
            "ops",
            async ct =>
            {
                server.Add("ops");
                return await server.CreateAsync(ct);
            },
            server.FindAllAsync,
            CancellationToken.None);
        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => server.Drive(create));

        Assert.Equal(
            "JumpServer: the answer to creating 'ops' was lost, and meanwhile 2 groups with that name appeared (ids g1, g2). "
            + "The SDK cannot tell which of them, if any, it created, so it took none and did not create again; check them before retrying. (POST https://jms.example.com/api/v1/users/groups/ → 502)",
            error.Message);
        Assert.Equal("JumpServer", error.Dialect);
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal("POST", error.RequestMethod);
        Assert.Equal(lost.RequestUri, error.RequestUri);
        Assert.Same(lost, error.InnerException);
        Assert.Single(server.Creates);
    }

    [Fact]
    public async Task SeveralNewGroupsAfterAConnectionFailureNameNoStatus()
    {
        var server = new RecoveryServer { Answer = _ => new HttpRequestException("connection reset"), CreatedThenLost = _ => true };
        var recovery = server.Recovery(_ => { });

        var create = recovery.CreateAsync(
            "ops",
            async ct =>
            {
                server.Add("ops");
                return await server.CreateAsync(ct);
            },
            server.FindAllAsync,
            CancellationToken.None);
        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => server.Drive(create));

        Assert.Contains("2 groups with that name appeared (ids g0, g1)", error.Message, StringComparison.Ordinal);
        Assert.Null(error.StatusCode);
        Assert.Null(error.RequestMethod);
        Assert.Null(error.RequestUri);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task ABusinessErrorIsRaisedAsItIsAndNothingIsLookedUpAfterIt()
    {
        var refusal = new UserGroupConflictException("name taken") { StatusCode = HttpStatusCode.BadRequest };
        var server = new RecoveryServer { Answer = _ => refusal };
        var recovery = server.Recovery(_ => { });

        var error = await Assert.ThrowsAsync<UserGroupConflictException>(() => server.Drive(recovery.CreateUniqueAsync("ops", server.CreateAsync, server.FindAsync, CancellationToken.None)));

        Assert.Same(refusal, error);
        Assert.Single(server.Creates);
        Assert.Equal(1, server.Lookups);
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 3)]
    public async Task WithRetriesOffACreateIsSentOnceAndNothingIsLookedUp(bool enabled, int maxRetryAttempts)
    {
        var server = new RecoveryServer { Answer = _ => new HttpRequestException("connection reset"), CreatedThenLost = _ => true };
        var recovery = server.Recovery(o =>
        {
            o.Enabled = enabled;
            o.MaxRetryAttempts = maxRetryAttempts;
        });

        await Assert.ThrowsAsync<HttpRequestException>(() => server.Drive(recovery.CreateUniqueAsync("ops", server.CreateAsync, server.FindAsync, CancellationToken.None)));

        Assert.Single(server.Creates);
        Assert.Equal(0, server.Lookups);
    }

    [Fact]
    public async Task AFacadeCreateWithRetriesOffSendsThePostAloneToTheServer()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.BadGateway));
        using var jms = new JumpServerStub(stub, configure: o =>
        {
            o.Resilience.Enabled = true;
            o.Resilience.MaxRetryAttempts = 0;
        });

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Service.CreateGroupAsync(new NewUserGroup("ops")));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(["POST"], stub.Requests.Select(r => r.Method));
    }
}
