using System.Net;
using System.Text.Json;
using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Owl;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.Owl;
using static UserGroupClient.ContractTests.Owl.OwlContract;

namespace UserGroupClient.ContractTests.Owl;

/// <summary>
/// Faults on the way to Owl, with retries on (<see cref="ContractResilience"/>):
/// reads and deletes are sent again; creates (PUT on Owl) and updates (POST) never are.
/// </summary>
[Collection(FaultTests.Collection)]
public sealed class OwlFaultContractTests
{
    [Fact]
    public async Task AReadPastTheAttemptTimeoutIsSentAgainAndTheSecondAnswerCounts()
    {
        using var server = new ContractServer();
        var list = Fixture("usergroups-list-all");
        server.GivenInTurn(list, AfterTheLastAnswer.NoMapping, ContractFaults.Late(list), ContractServer.Answer(list));
        using var client = Client(server, ContractResilience.ShortAttempts);

        var groups = await client.UserGroups.ListAsync();

        await server.WaitForRequestsAsync(2);
        server.ReceivedInOrder(list, list);
        Assert.Equal("appcpa", Assert.Single(groups).Name);
    }

    [Fact]
    public async Task AReadThatStaysSlowTimesOutAfterEveryAttempt()
    {
        using var server = new ContractServer();
        var list = Fixture("hostgroups-list-all");
        server.GivenInTurn(list, AfterTheLastAnswer.RepeatIt, ContractFaults.Late(list));
        using var client = Client(server, ContractResilience.ShortAttempts);

        await Assert.ThrowsAsync<TimeoutException>(() => client.HostGroups.ListAsync());

        await server.WaitForRequestsAsync(ContractResilience.Attempts);
        server.ReceivedInOrder(list, list, list);
    }

    [Fact]
    public async Task ACreatePastTheAttemptTimeoutIsNotSentAgainThoughItIsAPut()
    {
        using var server = new ContractServer();
        var create = Fixture("usergroups-create");
        server.GivenInTurn(create, AfterTheLastAnswer.NoMapping, ContractFaults.Late(create), ContractServer.Answer(create));
        using var client = Client(server, ContractResilience.ShortAttempts);

        await Assert.ThrowsAsync<TimeoutException>(() => client.UserGroups.CreateAsync("ops", [50]));

        await server.WaitForRequestsAsync(1);
        server.Received(create);
    }

    [Fact]
    public async Task AFacadeCreatePastTheAttemptTimeoutLooksTheNameUpBeforeItPutsAgain()
    {
        using var server = new ContractServer();
        var (find, create) = (Fixture("usergroups-find-none"), Fixture("usergroups-create-empty"));
        server.Given(find);
        server.GivenInTurn(create, AfterTheLastAnswer.NoMapping, ContractFaults.Late(create), ContractServer.Answer(create));
        using var client = Client(server, ContractResilience.ShortAttempts);

        var group = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("ops"));

        await server.WaitForRequestsAsync(4);
        server.ReceivedInOrder(find, create, find, create);
        Assert.Equal("3", group.Id);
    }

    [Fact]
    public async Task ADeletePastTheAttemptTimeoutIsSentAgain()
    {
        using var server = new ContractServer();
        var delete = Fixture("usergroups-delete");
        server.GivenInTurn(delete, AfterTheLastAnswer.NoMapping, ContractFaults.Late(delete), ContractServer.Answer(delete));
        using var client = Client(server, ContractResilience.ShortAttempts);

        await client.UserGroups.DeleteAsync(2);

        await server.WaitForRequestsAsync(2);
        server.ReceivedInOrder(delete, delete);
    }

    // The retries judge an answer by its status and headers; the body is read afterwards, outside them, so a 200 whose
    // body cannot be parsed fails at once although a read could safely be sent again.
    [Fact]
    public async Task AMalformedChunkInAReadIsAnUnreadableAnswerAndIsNotSentAgain()
    {
        using var server = new ContractServer();
        var list = Fixture("hostgroups-list-all");
        server.GivenInTurn(list, AfterTheLastAnswer.NoMapping, ContractFaults.MalformedChunk(list), ContractServer.Answer(list));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.HostGroups.ListAsync());

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
        server.Received(list);
    }

    // As with a malformed chunk: the status is a success, and the empty body fails only once the retries are done.
    [Fact]
    public async Task AnEmptyReplyToAReadIsAnUnreadableAnswerAndIsNotSentAgain()
    {
        using var server = new ContractServer();
        var list = Fixture("hostgroups-list-all");
        server.GivenInTurn(list, AfterTheLastAnswer.NoMapping, ContractFaults.EmptyReply(list), ContractServer.Answer(list));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.HostGroups.ListAsync());

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        server.Received(list);
    }

    [Fact]
    public async Task A429OnAReadIsSentAgain()
    {
        using var server = new ContractServer();
        var list = Fixture("hostgroups-list-all");
        server.GivenInTurn(list, AfterTheLastAnswer.NoMapping, ContractFaults.TooManyRequests(retryAfterSeconds: 1), ContractServer.Answer(list));
        using var client = Client(server, ContractResilience.RetriesOn);

        var groups = await client.HostGroups.ListAsync();

        server.ReceivedInOrder(list, list);
        Assert.Equal(2, groups.Count);
    }

    [Fact]
    public async Task A429OnACreateIsARateLimitWithItsRetryAfterAndIsNotSentAgain()
    {
        using var server = new ContractServer();
        var create = Fixture("hostgroups-create");
        server.GivenInTurn(create, AfterTheLastAnswer.NoMapping, ContractFaults.TooManyRequests(retryAfterSeconds: 1), ContractServer.Answer(create));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupRateLimitedException>(() => client.HostGroups.CreateAsync("test_group", ["03381a1a3ea35d5a"]));

        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        server.Received(create);
    }

    [Fact]
    public async Task A503HtmlPageOnAReadIsSentAgainUntilTheAttemptsRunOut()
    {
        using var server = new ContractServer();
        var list = Fixture("usergroups-list-all");
        server.GivenInTurn(list, AfterTheLastAnswer.RepeatIt, ContractFaults.ServiceUnavailable());
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.UserGroups.ListAsync());

        Assert.Equal(typeof(UserGroupApiException), error.GetType());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        server.ReceivedInOrder(list, list, list);
    }

    [Fact]
    public async Task A503HtmlPageOnAnUpdateIsNotSentAgain()
    {
        using var server = new ContractServer();
        var update = Fixture("hostgroups-update");
        server.GivenInTurn(update, AfterTheLastAnswer.NoMapping, ContractFaults.ServiceUnavailable(), ContractServer.Answer(update));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.HostGroups.UpdateAsync(8, "test_group_new", ["03381a1a3ea35d5a"]));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        server.Received(update);
    }

    [Fact]
    public async Task AConnectionResetOnAReadIsSentAgain()
    {
        await using var emulator = await OwlEmulator.StartAsync();
        emulator.AddUserGroup("ops");
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ConnectionReset, method: "GET", pathPrefix: "/api/v1/usergroups"));
        using var client = EmulatorClient(emulator);

        var groups = await client.UserGroups.ListAsync();

        Assert.Equal("ops", Assert.Single(groups).Name);
        Assert.Equal([EmulatedFaultKind.ConnectionReset, (EmulatedFaultKind?)null], emulator.Journal.Entries.Select(e => e.Fault?.Kind));
    }

    [Fact]
    public async Task AConnectionResetOnACreateIsNotSentAgainAndCreatesNothing()
    {
        await using var emulator = await OwlEmulator.StartAsync();
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ConnectionReset, method: "PUT", pathPrefix: "/api/v1/usergroups"));
        using var client = EmulatorClient(emulator);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.UserGroups.CreateAsync("ops"));

        Assert.IsAssignableFrom<HttpRequestException>(error.InnerException);
        Assert.Null(error.StatusCode);
        Assert.Equal(EmulatedFaultKind.ConnectionReset, Assert.Single(emulator.Journal.Entries).Fault?.Kind);
        Assert.Empty(emulator.GetUserGroups());
    }

    private static OwlClient EmulatorClient(OwlEmulator emulator)
    {
        var options = new OwlClientOptions { BaseAddress = emulator.BaseAddress, Credentials = OwlCredentials.Token(emulator.IssueToken(OwlEmulator.AdminUsername)) };
        ContractResilience.RetriesOn(options);
        return new OwlClient(options);
    }
}
