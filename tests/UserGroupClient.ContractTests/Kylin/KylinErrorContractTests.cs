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

        await VendorError.AssertRaisedAsync<UserGroupConflictException>(
            () => client.UserGroups.CreateGroupAsync("g1"),
            Vendor, HttpStatusCode.InternalServerError, "999", "Operation failed, group:g1 already exists");

        server.Received(fixture);
    }

    [Fact]
    public async Task AMissingGroupIsNotFoundAndNotResent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("delete-missing");
        server.Given(fixture);
        using var client = Client(server, ContractResilience.RetriesOn);

        await VendorError.AssertRaisedAsync<UserGroupNotFoundException>(
            () => client.UserGroups.DeleteGroupAsync("g1"),
            Vendor, HttpStatusCode.InternalServerError, "999", "Operation failed, group:g1 does not exists");

        server.Received(fixture);
    }

    [Fact]
    public async Task AnUnknownUsernameIsNotFoundAndTheReplaceIsNotResent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("set-users-unknown-user");
        server.Given(fixture);
        using var client = Client(server, ContractResilience.RetriesOn);

        await VendorError.AssertRaisedAsync<UserGroupNotFoundException>(
            () => client.UserGroups.SetGroupUsersAsync("g1", ["ADMIN", "GHOST"]),
            Vendor, HttpStatusCode.InternalServerError, "999", "User 'GHOST' not found.");

        server.Received(fixture);
    }

    [Fact]
    public async Task AccessDeniedIsAPermissionErrorThoughItArrivesAs500()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-access-denied");
        server.Given(fixture);
        using var client = Client(server, ContractResilience.RetriesOn);

        await VendorError.AssertRaisedAsync<UserGroupPermissionException>(
            () => client.UserGroups.ListGroupsAsync(), Vendor, HttpStatusCode.InternalServerError, "999", "Access is denied");

        server.Received(fixture);
    }

    [Fact]
    public async Task AnUnexpected500IsTheBaseExceptionAndIsResent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-internal-error");
        server.Given(fixture);
        using var client = Client(server, ContractResilience.RetriesOn);

        await VendorError.AssertRaisedAsync<UserGroupApiException>(
            () => client.UserGroups.ListGroupsAsync(), Vendor, HttpStatusCode.InternalServerError, "999", "java.lang.NullPointerException");

        server.ReceivedInOrder(fixture, fixture, fixture);
    }

    [Fact]
    public async Task AWrongPasswordIsAnAuthenticationFailureAndNeverResent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-wrong-password");
        server.Given(fixture);
        using var client = Client(server, ContractResilience.RetriesOn);

        await VendorError.AssertRaisedAsync<UserGroupAuthenticationException>(
            () => client.UserGroups.ListGroupsAsync(),
            Vendor, HttpStatusCode.Unauthorized, "999", "Invalid credentials for login. Please ensure your password/user information are correct.");

        AssertBasic(server.Received(fixture));
    }

    [Fact]
    public async Task ALockedAccountIsAnAuthenticationFailure()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-locked");
        server.Given(fixture);
        using var client = Client(server, ContractResilience.RetriesOn);

        await VendorError.AssertRaisedAsync<UserGroupAuthenticationException>(
            () => client.UserGroups.ListGroupsAsync(), Vendor, HttpStatusCode.BadRequest, "999", "User ADMIN is locked, please wait for 28 seconds.");

        server.Received(fixture);
    }
}
