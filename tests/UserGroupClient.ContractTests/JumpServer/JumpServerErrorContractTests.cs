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

        var error = await Assert.ThrowsAsync<UserGroupConflictException>(() => client.UserGroups.CreateAsync(new JumpServerUserGroupCreate("api_test")));

        server.Received(fixture);
        AssertFacts(error, HttpStatusCode.BadRequest, "unique", "name: This field must be unique.");
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

        var error = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => client.UserGroups.GetAsync(GroupId));

        server.Received(fixture);
        AssertFacts(error, HttpStatusCode.NotFound, "object_does_not_exist", "UserGroup object does not exist.");
    }

    [Fact]
    public async Task AnUnverifiableSignatureIsAnAuthenticationFailure()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-get-invalid-signature");
        server.Given(fixture);
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => client.UserGroups.GetAsync(GroupId));

        server.Received(fixture);
        AssertFacts(error, HttpStatusCode.Unauthorized, "authentication_failed", "Invalid signature.");
    }

    [Fact]
    public async Task ARefusedBearerTokenIsAnAuthenticationFailureAndNotResent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-get-token-expired");
        server.Given(fixture);
        using var client = Client(server, options => options.Credentials = JumpServerCredentials.Bearer("b96810faac725563304dada8c323c4fa061863d4"));

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => client.UserGroups.GetAsync(GroupId));

        server.Received(fixture);
        AssertFacts(error, HttpStatusCode.Unauthorized, "not_authenticated", "Authentication credentials were not provided.");
    }

    [Fact]
    public async Task AMissingPermissionIsAPermissionError()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-delete-permission-denied");
        server.Given(fixture);
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<UserGroupPermissionException>(() => client.UserGroups.DeleteAsync(GroupId));

        server.Received(fixture);
        AssertFacts(error, HttpStatusCode.Forbidden, "permission_denied", "You do not have permission to perform this action.");
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

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.UserGroups.UpdateAsync(GroupId, new JumpServerUserGroupUpdate("api_test_renamed") { Comment = "ops team", Users = [MemberId] }));

        server.Received(fixture);
        Assert.Equal(typeof(UserGroupApiException), error.GetType());
        AssertFacts(error, HttpStatusCode.InternalServerError, "Server internal error", "Server internal error");
    }

    [Fact]
    public async Task AThrottledCallIsRateLimitedWithItsRetryAfter()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-list-throttled");
        server.Given(fixture);
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<UserGroupRateLimitedException>(() => client.UserGroups.ListAsync(new JumpServerGroupListOptions { Limit = 10, Offset = 20, Search = "api", Order = "-date_created" }));

        server.Received(fixture);
        AssertFacts(error, HttpStatusCode.TooManyRequests, "throttled", "Request was throttled. Expected available in 7 seconds.");
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    private static void AssertFacts(UserGroupApiException error, HttpStatusCode status, string code, string message)
    {
        Assert.Equal("JumpServer", error.Dialect);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.ServerMessage);
    }
}
