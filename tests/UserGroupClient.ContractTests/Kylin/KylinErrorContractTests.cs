using System.Net;
using UserGroupClient.ContractTests.Infrastructure;
using static UserGroupClient.ContractTests.Kylin.KylinContract;

namespace UserGroupClient.ContractTests.Kylin;

/// <summary>
/// KAP's error answers (docs/wire/kylin.md §2, §7; the vendor's document describes none) raise the matching exception
/// with code "999" and the server's message, classified by the message because KAP answers business errors with HTTP
/// 500. Retries are on: a business error or a refused login is never resent, an unexpected 500 is.
/// </summary>
public sealed class KylinErrorContractTests
{
    [Fact]
    public async Task AnExistingGroupIsAConflictAndNotResent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("create-exists");
        server.Given(fixture);
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupConflictException>(() => client.UserGroups.CreateGroupAsync("g1"));

        server.Received(fixture);
        AssertFacts(error, HttpStatusCode.InternalServerError, "Operation failed, group:g1 already exists");
    }

    [Fact]
    public async Task AMissingGroupIsNotFoundAndNotResent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("delete-missing");
        server.Given(fixture);
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => client.UserGroups.DeleteGroupAsync("g1"));

        server.Received(fixture);
        AssertFacts(error, HttpStatusCode.InternalServerError, "Operation failed, group:g1 does not exists");
    }

    [Fact]
    public async Task AnUnknownUsernameIsNotFoundAndTheReplaceIsNotResent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("set-users-unknown-user");
        server.Given(fixture);
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => client.UserGroups.SetGroupUsersAsync("g1", ["ADMIN", "GHOST"]));

        server.Received(fixture);
        AssertFacts(error, HttpStatusCode.InternalServerError, "User 'GHOST' not found.");
    }

    [Fact]
    public async Task AccessDeniedIsAPermissionErrorThoughItArrivesAs500()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-access-denied");
        server.Given(fixture);
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupPermissionException>(() => client.UserGroups.ListGroupsAsync());

        server.Received(fixture);
        AssertFacts(error, HttpStatusCode.InternalServerError, "Access is denied");
    }

    [Fact]
    public async Task AnUnexpected500IsTheBaseExceptionAndIsResent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-internal-error");
        server.Given(fixture);
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.UserGroups.ListGroupsAsync());

        server.ReceivedInOrder(fixture, fixture, fixture);
        Assert.Equal(typeof(UserGroupApiException), error.GetType());
        AssertFacts(error, HttpStatusCode.InternalServerError, "java.lang.NullPointerException");
    }

    [Fact]
    public async Task AWrongPasswordIsAnAuthenticationFailureAndNeverResent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-wrong-password");
        server.Given(fixture);
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => client.UserGroups.ListGroupsAsync());

        AssertBasic(server.Received(fixture));
        AssertFacts(error, HttpStatusCode.Unauthorized, "Invalid credentials for login. Please ensure your password/user information are correct.");
    }

    [Fact]
    public async Task ALockedAccountIsAnAuthenticationFailure()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-locked");
        server.Given(fixture);
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => client.UserGroups.ListGroupsAsync());

        server.Received(fixture);
        AssertFacts(error, HttpStatusCode.BadRequest, "User ADMIN is locked, please wait for 28 seconds.");
    }

    private static void AssertFacts(UserGroupApiException error, HttpStatusCode status, string message)
    {
        Assert.Equal("Kylin", error.Dialect);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("999", error.ErrorCode);
        Assert.Equal(message, error.ServerMessage);
    }
}
