using System.Net;
using System.Text.Json;
using UserGroupClient.ContractTests.Infrastructure;
using static UserGroupClient.ContractTests.Kylin.KylinContract;

namespace UserGroupClient.ContractTests.Kylin;

/// <summary>
/// What the SDK resends to Kylin, and what it raises, when an answer is late, spoiled, throttled or an outage page:
/// reads, deletes and the member replace (a PUT) are resent (<see cref="ContractResilience.Retries"/> times at most),
/// a create never blindly.
/// </summary>
public sealed class KylinFaultContractTests
{
    [Fact]
    public async Task AReadAnsweredTooLateIsSentAgainUntilTheRetriesRunOutThenTimesOut()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups");
        server.GivenInTurn(fixture, AfterTheLastAnswer.RepeatIt, ContractFaults.Late(fixture));
        using var client = Client(server, ContractResilience.ShortAttempts);

        await Assert.ThrowsAsync<TimeoutException>(() => client.UserGroups.ListGroupsAsync());

        await server.WaitForRequestsAsync(ContractResilience.Attempts);
        server.ReceivedInOrder(fixture, fixture, fixture);
    }

    [Fact]
    public async Task ACreateAnsweredTooLateIsSentOnceAndTimesOut()
    {
        using var server = new ContractServer();
        var fixture = Fixture("create");
        server.GivenInTurn(fixture, AfterTheLastAnswer.RepeatIt, ContractFaults.Late(fixture));
        using var client = Client(server, ContractResilience.ShortAttempts);

        await Assert.ThrowsAsync<TimeoutException>(() => client.UserGroups.CreateGroupAsync("g1"));

        await server.WaitForRequestsAsync(1);
        server.Received(fixture);
    }

    [Fact]
    public async Task AReadWhoseBodyIsAMalformedChunkIsReportedWithItsStatusAndNotResent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("group-members");
        server.GivenInTurn(fixture, AfterTheLastAnswer.NoMapping, ContractFaults.MalformedChunk(fixture), ContractServer.Answer(fixture));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.UserGroups.ListGroupMembersAsync("ALL_USERS", 0, 100));

        server.Received(fixture);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.IsType<JsonException>(error.InnerException);
        Assert.DoesNotContain("$2a$10$T6mhEmdwwwZJPPoON3k7t", error.ResponseBody ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("$2a$10$T6mhEmdwwwZJPPoON3k7t", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACreateWithAnEmptyReplyIsFoundByNameInsteadOfBeingSentAgain()
    {
        using var server = new ContractServer();
        var before = Fixture("groups");
        var after = Fixture("groups-with-g1");
        var create = Fixture("create");
        server.GivenInTurn(AfterTheLastAnswer.NoMapping, before, after).GivenInTurn(create, AfterTheLastAnswer.RepeatIt, ContractFaults.EmptyReply(create));
        using var client = Client(server, ContractResilience.RetriesOn);

        var group = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("g1"));

        server.ReceivedInOrder(before, create, after);
        Assert.Equal("g1", group.Id);
    }

    [Fact]
    public async Task AThrottledReadIsSentAgainAfterRetryAfter()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups");
        server.GivenInTurn(fixture, AfterTheLastAnswer.NoMapping, ContractFaults.RateLimited(1, "Too Many Requests", "text/plain"), ContractServer.Answer(fixture));
        using var client = Client(server, ContractResilience.RetriesOn);

        var groups = await client.UserGroups.ListGroupsAsync();

        var requests = server.ReceivedInOrder(fixture, fixture);
        var waited = requests[1].Entry.RequestMessage.DateTime - requests[0].Entry.RequestMessage.DateTime;
        Assert.True(waited >= TimeSpan.FromMilliseconds(900), $"The read was resent after {waited.TotalMilliseconds} ms, not after Retry-After (1 s).");
        Assert.Equal(4, groups.Count);
    }

    [Fact]
    public async Task AThrottledCreateIsNotResentAndRaisesRateLimitedWithRetryAfter()
    {
        using var server = new ContractServer();
        var fixture = Fixture("create");
        server.GivenInTurn(fixture, AfterTheLastAnswer.NoMapping, ContractFaults.RateLimited(1, "Too Many Requests", "text/plain"), ContractServer.Answer(fixture));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupRateLimitedException>(() => client.UserGroups.CreateGroupAsync("g1"));

        server.Received(fixture);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
    }

    [Fact]
    public async Task AMemberReplaceAnsweredByAn503PageIsSentAgain()
    {
        using var server = new ContractServer();
        var fixture = Fixture("set-users");
        server.GivenInTurn(fixture, AfterTheLastAnswer.NoMapping, ContractFaults.ServiceUnavailable(), ContractServer.Answer(fixture));
        using var client = Client(server, ContractResilience.RetriesOn);

        await client.UserGroups.SetGroupUsersAsync("g1", ["ADMIN", "ANALYST", "MODELER"]);

        server.ReceivedInOrder(fixture, fixture);
    }

    [Fact]
    public async Task ADeleteAnsweredByAn503PageUntilTheRetriesRunOutRaisesTheStatus()
    {
        using var server = new ContractServer();
        var fixture = Fixture("delete");
        server.GivenInTurn(fixture, AfterTheLastAnswer.RepeatIt, ContractFaults.ServiceUnavailable());
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.UserGroups.DeleteGroupAsync("g1"));

        server.ReceivedInOrder(fixture, fixture, fixture);
        Assert.Equal(typeof(UserGroupApiException), error.GetType());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }

    [Fact]
    public async Task ACreateAnsweredByAn503PageIsNotResent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("create");
        server.GivenInTurn(fixture, AfterTheLastAnswer.NoMapping, ContractFaults.ServiceUnavailable(), ContractServer.Answer(fixture));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.UserGroups.CreateGroupAsync("g1"));

        server.Received(fixture);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }
}
