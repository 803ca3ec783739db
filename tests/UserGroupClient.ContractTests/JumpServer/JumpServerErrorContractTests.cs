using System.Net;
using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.JumpServer;
using static UserGroupClient.ContractTests.JumpServer.JumpServerContract;

namespace UserGroupClient.ContractTests.JumpServer;

/// <summary>
/// JumpServer's error answers (docs/wire/jumpserver.md §2.2, §5; the vendor's document shows none) each raise the
/// matching exception with the server's code and message. Retries are off: each answer is seen once.
/// </summary>
public sealed class JumpServerErrorContractTests
{
    [Fact]
    public async Task ADuplicateNameIsAConflict()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-create-duplicate");
        server.Given(fixture);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupConflictException>(
            () => client.UserGroups.CreateAsync(new JumpServerUserGroupCreate("api_test")),
            Vendor, HttpStatusCode.BadRequest, "unique", "name: This field must be unique.");

        server.Received(fixture);
    }

    [Fact]
    public async Task AnUnknownUserIsAValidationErrorOnTheUsersField()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-create-unknown-user");
        server.Given(fixture);
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<UserGroupValidationException>(() => client.UserGroups.CreateAsync(new JumpServerUserGroupCreate("api_test") { Users = [OtherUserId] }));

        server.Received(fixture);
        Assert.Equal([$"Invalid pk \"{OtherUserId}\" - object does not exist."], error.FieldErrors["users"]);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task ACreateInTheRootOrganizationIsAValidationErrorFromABareArray()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-create-root-org");
        server.Given(fixture);
        using var client = Client(server, options => options.OrganizationId = JumpServerOrganizations.Root);

        var error = await Assert.ThrowsAsync<UserGroupValidationException>(() => client.UserGroups.CreateAsync(new JumpServerUserGroupCreate("api_test")));

        server.Received(fixture);
        Assert.Equal(["Please save in a org"], error.FieldErrors["non_field_errors"]);
    }

    [Fact]
    public async Task AMissingGroupIsNotFoundWithTheServersCode()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-get-not-found");
        server.Given(fixture);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupNotFoundException>(
            () => client.UserGroups.GetAsync(GroupId), Vendor, HttpStatusCode.NotFound, "object_does_not_exist", "UserGroup object does not exist.");

        server.Received(fixture);
    }

    [Fact]
    public async Task AnUnverifiableSignatureIsAnAuthenticationFailure()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-get-invalid-signature");
        server.Given(fixture);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupAuthenticationException>(
            () => client.UserGroups.GetAsync(GroupId), Vendor, HttpStatusCode.Unauthorized, "authentication_failed", "Invalid signature.");

        server.Received(fixture);
    }

    [Fact]
    public async Task ARefusedBearerTokenIsAnAuthenticationFailureAndNotResent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-get-token-expired");
        server.Given(fixture);
        using var client = Client(server, options => options.Credentials = JumpServerCredentials.Bearer("b96810faac725563304dada8c323c4fa061863d4"));

        await VendorError.AssertRaisedAsync<UserGroupAuthenticationException>(
            () => client.UserGroups.GetAsync(GroupId),
            Vendor, HttpStatusCode.Unauthorized, "not_authenticated", "Authentication credentials were not provided.");

        server.Received(fixture);
    }

    [Fact]
    public async Task AMissingPermissionIsAPermissionError()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-delete-permission-denied");
        server.Given(fixture);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupPermissionException>(
            () => client.UserGroups.DeleteAsync(GroupId),
            Vendor, HttpStatusCode.Forbidden, "permission_denied", "You do not have permission to perform this action.");

        server.Received(fixture);
    }

    [Fact]
    public async Task AnEmpty400OnARelationDeleteIsAValidationError()
    {
        using var server = new ContractServer();
        var fixture = Fixture("relations-delete-refused");
        server.Given(fixture);
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<UserGroupValidationException>(() => client.UserGroups.RemoveUserAsync(GroupId, MemberId));

        server.Received(fixture);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("empty 400", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerErrorIsTheBaseExceptionWithItsStatus()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-update-server-error");
        server.Given(fixture);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupApiException>(
            () => client.UserGroups.UpdateAsync(GroupId, new JumpServerUserGroupUpdate("api_test_renamed") { Comment = "ops team", Users = [MemberId] }),
            Vendor, HttpStatusCode.InternalServerError, "Server internal error", "Server internal error");

        server.Received(fixture);
    }

    [Fact]
    public async Task AThrottledCallIsRateLimitedWithItsRetryAfter()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-list-throttled");
        server.Given(fixture);
        using var client = Client(server);

        var error = await VendorError.AssertRaisedAsync<UserGroupRateLimitedException>(
            () => client.UserGroups.ListAsync(new JumpServerGroupListOptions { Limit = 10, Offset = 20, Search = "api", Order = "-date_created" }),
            Vendor, HttpStatusCode.TooManyRequests, "throttled", "Request was throttled. Expected available in 7 seconds.");

        server.Received(fixture);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }
}
