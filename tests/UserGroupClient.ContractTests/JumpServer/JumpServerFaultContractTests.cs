using System.Net;
using System.Text.Json;
using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.JumpServer;
using static UserGroupClient.ContractTests.JumpServer.JumpServerContract;

namespace UserGroupClient.ContractTests.JumpServer;

/// <summary>
/// What the SDK resends to JumpServer, and what it raises, when an answer is late, spoiled, throttled or an outage
/// page: reads and deletes are resent (<see cref="ContractResilience.Retries"/> times at most), a create never blindly.
/// </summary>
public sealed class JumpServerFaultContractTests
{
    private const string Throttled = """{"detail": "Request was throttled. Expected available in 1 second.", "code": "throttled"}""";

    [Fact]
    public async Task AReadAnsweredTooLateIsSentAgainUntilTheRetriesRunOutThenTimesOut()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-get");
        server.GivenInTurn(fixture, AfterTheLastAnswer.RepeatIt, ContractFaults.Late(fixture));
        using var client = Client(server, ContractResilience.ShortAttempts);

        await Assert.ThrowsAsync<TimeoutException>(() => client.UserGroups.GetAsync(GroupId));

        await server.WaitForRequestsAsync(ContractResilience.Attempts);
        server.ReceivedInOrder(fixture, fixture, fixture);
    }

    [Fact]
    public async Task ACreateAnsweredTooLateIsSentOnceAndTimesOut()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-create");
        server.GivenInTurn(fixture, AfterTheLastAnswer.RepeatIt, ContractFaults.Late(fixture));
        using var client = Client(server, ContractResilience.ShortAttempts);

        await Assert.ThrowsAsync<TimeoutException>(() => client.UserGroups.CreateAsync(new JumpServerUserGroupCreate("api_test")));

        await server.WaitForRequestsAsync(1);
        server.Received(fixture);
    }

    [Fact]
    public async Task AReadWhoseBodyIsAMalformedChunkIsReportedWithItsStatusAndNotResent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-get");
        server.GivenInTurn(fixture, AfterTheLastAnswer.NoMapping, ContractFaults.MalformedChunk(fixture), ContractServer.Answer(fixture));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.UserGroups.GetAsync(GroupId));

        server.Received(fixture);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.IsType<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task AReadWithAnEmptyReplyIsReportedWithItsStatusAndNotResent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-get");
        server.GivenInTurn(fixture, AfterTheLastAnswer.NoMapping, ContractFaults.EmptyReply(fixture), ContractServer.Answer(fixture));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.UserGroups.GetAsync(GroupId));

        server.Received(fixture);
        Assert.Equal(typeof(UserGroupApiException), error.GetType());
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task ACreateWithAnEmptyReplyIsFoundByNameInsteadOfBeingSentAgain()
    {
        using var server = new ContractServer();
        var before = Fixture("groups-find-by-name-none");
        var after = Fixture("groups-find-by-name");
        var create = Fixture("groups-create");
        server.GivenInTurn(AfterTheLastAnswer.NoMapping, before, after).GivenInTurn(create, AfterTheLastAnswer.RepeatIt, ContractFaults.EmptyReply(create));
        using var client = Client(server, ContractResilience.RetriesOn);

        var group = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("api_test"));

        server.ReceivedInOrder(before, create, after);
        Assert.Equal(GroupId, group.Id);
    }

    [Fact]
    public async Task AThrottledReadIsSentAgainAfterRetryAfter()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-get");
        server.GivenInTurn(fixture, AfterTheLastAnswer.NoMapping, ContractFaults.RateLimited(1, Throttled), ContractServer.Answer(fixture));
        using var client = Client(server, ContractResilience.RetriesOn);

        var group = await client.UserGroups.GetAsync(GroupId);

        var requests = server.ReceivedInOrder(fixture, fixture);
        var waited = requests[1].Entry.RequestMessage.DateTime - requests[0].Entry.RequestMessage.DateTime;
        Assert.True(waited >= TimeSpan.FromMilliseconds(900), $"The read was resent after {waited.TotalMilliseconds} ms, not after Retry-After (1 s).");
        Assert.Equal(GroupId, group.Id);
    }

    [Fact]
    public async Task AThrottledCreateIsNotResentAndRaisesRateLimitedWithRetryAfter()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-create");
        server.GivenInTurn(fixture, AfterTheLastAnswer.NoMapping, ContractFaults.RateLimited(1, Throttled), ContractServer.Answer(fixture));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupRateLimitedException>(() => client.UserGroups.CreateAsync(new JumpServerUserGroupCreate("api_test")));

        server.Received(fixture);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.Equal("throttled", error.ErrorCode);
    }

    [Fact]
    public async Task AReadAnsweredByAn503PageIsSentAgain()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-get");
        server.GivenInTurn(fixture, AfterTheLastAnswer.NoMapping, ContractFaults.ServiceUnavailable(), ContractServer.Answer(fixture));
        using var client = Client(server, ContractResilience.RetriesOn);

        var group = await client.UserGroups.GetAsync(GroupId);

        server.ReceivedInOrder(fixture, fixture);
        Assert.Equal(GroupId, group.Id);
    }

    [Fact]
    public async Task ADeleteAnsweredByAn503PageUntilTheRetriesRunOutRaisesTheStatus()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-delete");
        server.GivenInTurn(fixture, AfterTheLastAnswer.RepeatIt, ContractFaults.ServiceUnavailable());
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.UserGroups.DeleteAsync(GroupId));

        server.ReceivedInOrder(fixture, fixture, fixture);
        Assert.Equal(typeof(UserGroupApiException), error.GetType());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }

    [Fact]
    public async Task ACreateAnsweredByAn503PageIsNotResent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-create");
        server.GivenInTurn(fixture, AfterTheLastAnswer.NoMapping, ContractFaults.ServiceUnavailable(), ContractServer.Answer(fixture));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.UserGroups.CreateAsync(new JumpServerUserGroupCreate("api_test")));

        server.Received(fixture);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }
}
