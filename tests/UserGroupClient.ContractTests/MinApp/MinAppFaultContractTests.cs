using System.Net;
using System.Text.Json;
using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.MinApp;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.MinApp;
using static UserGroupClient.ContractTests.MinApp.MinAppContract;

namespace UserGroupClient.ContractTests.MinApp;

/// <summary>
/// Faults on the way to MinApp, with retries on (<see cref="ContractResilience"/>):
/// reads, PUTs and deletes are sent again; the create POST and the membership PATCH never are.
/// </summary>
[Collection(FaultTests.Collection)]
public sealed class MinAppFaultContractTests
{
    private const int Attempts = ContractResilience.Attempts;

    [Fact]
    public async Task AReadPastTheAttemptTimeoutIsSentAgainAndTheSecondAnswerCounts()
    {
        using var server = new ContractServer();
        var get = Fixture("user-groups-get");
        server.GivenInTurn(get, AfterTheLastAnswer.NoMapping, ContractFaults.Late(get), ContractServer.Answer(get));
        using var client = Client(server, ContractResilience.ShortAttempts);

        var group = await client.UserGroups.GetAsync(47);

        await server.WaitForRequestsAsync(2);
        server.ReceivedInOrder(get, get);
        Assert.Equal("User Group", group.Name);
    }

    [Fact]
    public async Task AReadThatStaysSlowTimesOutAfterEveryAttempt()
    {
        using var server = new ContractServer();
        var get = Fixture("user-groups-get");
        server.GivenInTurn(get, AfterTheLastAnswer.RepeatIt, ContractFaults.Late(get));
        using var client = Client(server, ContractResilience.ShortAttempts);

        await Assert.ThrowsAsync<TimeoutException>(() => client.UserGroups.GetAsync(47));

        await server.WaitForRequestsAsync(Attempts);
        server.ReceivedInOrder(get, get, get);
    }

    [Fact]
    public async Task ACreatePastTheAttemptTimeoutIsNotSentAgain()
    {
        using var server = new ContractServer();
        var create = Fixture("user-groups-create");
        server.GivenInTurn(create, AfterTheLastAnswer.NoMapping, ContractFaults.Late(create), ContractServer.Answer(create));
        using var client = Client(server, ContractResilience.ShortAttempts);

        await Assert.ThrowsAsync<TimeoutException>(() => client.UserGroups.CreateAsync(new MinAppUserGroupCreate("User Group")));

        await server.WaitForRequestsAsync(1);
        server.Received(create);
    }

    [Fact]
    public async Task AFacadeCreatePastTheAttemptTimeoutLooksTheNameUpBeforeItPostsAgain()
    {
        using var server = new ContractServer();
        var (all, create) = (Fixture("user-groups-list-all"), Fixture("user-groups-create"));
        server.Given(all);
        server.GivenInTurn(create, AfterTheLastAnswer.NoMapping, ContractFaults.Late(create), ContractServer.Answer(create));
        using var client = Client(server, ContractResilience.ShortAttempts);

        var group = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("User Group"));

        await server.WaitForRequestsAsync(4);
        server.ReceivedInOrder(all, create, all, create);
        Assert.Equal("47", group.Id);
    }

    [Fact]
    public async Task ADeletePastTheAttemptTimeoutIsSentAgain()
    {
        using var server = new ContractServer();
        var delete = Fixture("user-groups-delete");
        server.GivenInTurn(delete, AfterTheLastAnswer.NoMapping, ContractFaults.Late(delete), ContractServer.Answer(delete));
        using var client = Client(server, ContractResilience.ShortAttempts);

        await client.UserGroups.DeleteAsync(47);

        await server.WaitForRequestsAsync(2);
        server.ReceivedInOrder(delete, delete);
    }

    // The retries judge an answer by its status and headers; the body is read afterwards, outside them, so a 200 whose
    // body cannot be parsed fails at once although a read could safely be sent again.
    [Fact]
    public async Task AMalformedChunkInAReadIsAnUnreadableAnswerAndIsNotSentAgain()
    {
        using var server = new ContractServer();
        var get = Fixture("user-groups-get");
        server.GivenInTurn(get, AfterTheLastAnswer.NoMapping, ContractFaults.MalformedChunk(get), ContractServer.Answer(get));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.UserGroups.GetAsync(47));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
        server.Received(get);
    }

    // As with a malformed chunk: the status is a success, and the empty body fails only once the retries are done.
    [Fact]
    public async Task AnEmptyReplyToAReadIsAnUnreadableAnswerAndIsNotSentAgain()
    {
        using var server = new ContractServer();
        var list = Fixture("user-groups-list");
        server.GivenInTurn(list, AfterTheLastAnswer.NoMapping, ContractFaults.EmptyReply(list), ContractServer.Answer(list));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(
            () => client.UserGroups.ListAsync(new MinAppUserGroupListOptions { ParentId = 1, Limit = 20, Offset = 0 }));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        server.Received(list);
    }

    [Fact]
    public async Task A429OnAReadIsSentAgainAfterItsRetryAfter()
    {
        using var server = new ContractServer();
        var get = Fixture("user-groups-get");
        server.GivenInTurn(get, AfterTheLastAnswer.NoMapping, ContractFaults.TooManyRequests(retryAfterSeconds: 1), ContractServer.Answer(get));
        using var client = Client(server, ContractResilience.RetriesOn);

        await client.UserGroups.GetAsync(47);

        server.ReceivedInOrder(get, get);
        var arrivals = server.Requests.Select(r => r.RequestMessage.DateTime).ToList();
        Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromMilliseconds(950), $"The resend came {(arrivals[1] - arrivals[0]).TotalMilliseconds} ms after the 429, before its Retry-After of 1 s.");
    }

    [Fact]
    public async Task A429OnACreateIsARateLimitWithItsRetryAfterAndIsNotSentAgain()
    {
        using var server = new ContractServer();
        var create = Fixture("user-groups-create");
        server.GivenInTurn(create, AfterTheLastAnswer.NoMapping, ContractFaults.TooManyRequests(retryAfterSeconds: 1), ContractServer.Answer(create));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupRateLimitedException>(() => client.UserGroups.CreateAsync(new MinAppUserGroupCreate("User Group")));

        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        server.Received(create);
    }

    [Fact]
    public async Task A503HtmlPageOnAReadIsSentAgainUntilTheAttemptsRunOut()
    {
        using var server = new ContractServer();
        var get = Fixture("user-groups-get");
        server.GivenInTurn(get, AfterTheLastAnswer.RepeatIt, ContractFaults.ServiceUnavailable());
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.UserGroups.GetAsync(47));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Contains("503 Service Temporarily Unavailable", error.ServerMessage, StringComparison.Ordinal);
        server.ReceivedInOrder(get, get, get);
    }

    [Fact]
    public async Task A503HtmlPageOnAMembershipPatchIsNotSentAgain()
    {
        using var server = new ContractServer();
        var add = Fixture("membership-add");
        server.GivenInTurn(add, AfterTheLastAnswer.NoMapping, ContractFaults.ServiceUnavailable(), ContractServer.Answer(add));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.Membership.AddAsync([5, 6], [53, 54]));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        server.Received(add);
    }

    [Fact]
    public async Task A503HtmlPageOnAPutIsSentAgain()
    {
        using var server = new ContractServer();
        var update = Fixture("user-groups-update");
        server.GivenInTurn(update, AfterTheLastAnswer.NoMapping, ContractFaults.ServiceUnavailable(), ContractServer.Answer(update));
        using var client = Client(server, ContractResilience.RetriesOn);

        var group = await client.UserGroups.UpdateAsync(47, new MinAppUserGroupUpdate("user group"));

        server.ReceivedInOrder(update, update);
        Assert.Equal("user group", group.Name);
    }

    [Fact]
    public async Task AConnectionResetOnAReadIsSentAgain()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        emulator.AddUserGroup("User Group");
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ConnectionReset, method: "GET", pathPrefix: "/oserve/v1/user-group/"));
        using var client = EmulatorClient(emulator);

        var page = await client.UserGroups.ListAsync();

        Assert.Equal("User Group", Assert.Single(page.Objects).Name);
        Assert.Equal([EmulatedFaultKind.ConnectionReset, (EmulatedFaultKind?)null], emulator.Journal.Entries.Select(e => e.Fault?.Kind));
    }

    [Fact]
    public async Task AConnectionResetOnACreateIsNotSentAgainAndCreatesNothing()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ConnectionReset, method: "POST", pathPrefix: "/oserve/v1/user-group/"));
        using var client = EmulatorClient(emulator);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.UserGroups.CreateAsync(new MinAppUserGroupCreate("User Group")));

        Assert.IsAssignableFrom<HttpRequestException>(error.InnerException);
        Assert.Null(error.StatusCode);
        Assert.Equal(EmulatedFaultKind.ConnectionReset, Assert.Single(emulator.Journal.Entries).Fault?.Kind);
        Assert.Empty(emulator.GetUserGroups());
    }

    private static MinAppClient EmulatorClient(MinAppEmulator emulator)
    {
        var options = new MinAppClientOptions { BaseAddress = emulator.BaseAddress, Credentials = MinAppCredentials.AccessToken(emulator.IssueAccessToken()) };
        ContractResilience.RetriesOn(options);
        return new MinAppClient(options);
    }
}
