using System.Net;
using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Owl;
using static UserGroupClient.ContractTests.Owl.OwlContract;

namespace UserGroupClient.ContractTests.Owl;

/// <summary>
/// Owl's refusals: the vendor document's one error example (the host-group delete refusal, in
/// <see cref="OwlHostGroupsContractTests"/>), the login and token failures of docs/wire/owl.md §3 (a real HTTP status)
/// and the envelope errors of §7 and §8 (HTTP 200 with <c>code</c>). Each raises the matching exception with Owl's code
/// and message, after exactly the requests listed (retries off).
/// </summary>
public sealed class OwlErrorContractTests
{
    private static readonly OwlUser NewUser = new()
    {
        Username = "ming.li",
        Phone = "13911112222",
        Mail = "ming.li@tendcloud.com",
        Weixin = "13911112222",
        Status = 1,
        Groups = [new OwlGroupReference { Id = 2 }],
    };

    [Fact]
    public async Task AWrongPasswordIsAnAuthenticationError()
    {
        using var server = new ContractServer();
        var login = Fixture("login-wrong-password");
        server.Given(login);
        using var client = Client(server, OwlCredentials.Password("admin", "wrong"));

        await VendorError.AssertRaisedAsync<UserGroupAuthenticationException>(
            () => client.UserGroups.ListAsync(), Vendor, HttpStatusCode.Unauthorized, "401", "Incorrect Username / Password");

        AuthorizationShape.AssertNone(server.Received(login));
    }

    [Fact]
    public async Task AnUnknownUserAtLoginIsAnAuthenticationErrorThoughOwlAnswers404()
    {
        using var server = new ContractServer();
        var login = Fixture("login-unknown-user");
        server.Given(login);
        using var client = Client(server, OwlCredentials.Password("nobody", "secret"));

        await VendorError.AssertRaisedAsync<UserGroupAuthenticationException>(
            () => client.UserGroups.ListAsync(), Vendor, HttpStatusCode.NotFound, "404", "user not found");

        server.Received(login);
    }

    [Fact]
    public async Task ADisabledUserAtLoginIsAnAuthenticationError()
    {
        using var server = new ContractServer();
        var login = Fixture("login-disabled");
        server.Given(login);
        using var client = Client(server, OwlCredentials.Password("chao.ma", "chao.ma"));

        await VendorError.AssertRaisedAsync<UserGroupAuthenticationException>(
            () => client.UserGroups.ListAsync(), Vendor, HttpStatusCode.Unauthorized, "401", "user is disable");

        server.Received(login);
    }

    [Fact]
    public async Task AnExpiredFixedTokenIsAnAuthenticationErrorWithoutAResend()
    {
        using var server = new ContractServer();
        var expired = Fixture("token-expired");
        server.Given(expired);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupAuthenticationException>(
            () => client.UserGroups.ListAsync(), Vendor, HttpStatusCode.Unauthorized, "401", "Token is expired");

        server.Received(expired);
    }

    [Fact]
    public async Task ANonAdministratorCreatingAUserIsAPermissionError()
    {
        using var server = new ContractServer();
        var create = Fixture("users-create-forbidden");
        server.Given(create);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupPermissionException>(
            () => client.Users.CreateAsync(NewUser), Vendor, HttpStatusCode.Forbidden, "403", "You don't have permission to access.");

        server.Received(create);
    }

    [Fact]
    public async Task ATakenUsernameIsAConflictThoughOwlAnswersHttp200()
    {
        using var server = new ContractServer();
        var create = Fixture("users-create-taken");
        server.Given(create);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupConflictException>(
            () => client.Users.CreateAsync(NewUser), Vendor, HttpStatusCode.OK, "400", "username already exists");

        server.Received(create);
    }

    [Fact]
    public async Task DeletingAMissingUserIsNotFound()
    {
        using var server = new ContractServer();
        var delete = Fixture("users-delete-missing");
        server.Given(delete);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupNotFoundException>(
            () => client.Users.DeleteAsync(99), Vendor, HttpStatusCode.OK, "404", "The user not found");

        server.Received(delete);
    }

    [Fact]
    public async Task ATakenUserGroupNameIsAConflict()
    {
        using var server = new ContractServer();
        var create = Fixture("usergroups-create-taken");
        server.Given(create);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupConflictException>(
            () => client.UserGroups.CreateAsync("appcpa"), Vendor, HttpStatusCode.OK, "400", "user group already exists");

        server.Received(create);
    }

    [Fact]
    public async Task DeletingAMissingUserGroupIsNotFound()
    {
        using var server = new ContractServer();
        var delete = Fixture("usergroups-delete-missing");
        server.Given(delete);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupNotFoundException>(
            () => client.UserGroups.DeleteAsync(99), Vendor, HttpStatusCode.OK, "404", "The usergroup not found");

        server.Received(delete);
    }

    [Fact]
    public async Task ATakenHostGroupNameIsAConflict()
    {
        using var server = new ContractServer();
        var create = Fixture("hostgroups-create-taken");
        server.Given(create);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupConflictException>(
            () => client.HostGroups.CreateAsync("test_group"), Vendor, HttpStatusCode.OK, "400", "group already exists");

        server.Received(create);
    }

    [Fact]
    public async Task ARenameOntoATakenHostGroupNameIsAConflictThoughOwlReportsCode500()
    {
        using var server = new ContractServer();
        var update = Fixture("hostgroups-update-duplicate");
        server.Given(update);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupConflictException>(
            () => client.HostGroups.UpdateAsync(8, "spare", []), Vendor, HttpStatusCode.OK, "500", "Error 1062: Duplicate entry 'spare' for key 'idx_name'");

        server.Received(update);
    }

    [Fact]
    public async Task AnUnknownHostInAHostGroupUpdateIsTheBaseException()
    {
        using var server = new ContractServer();
        var update = Fixture("hostgroups-update-unknown-host");
        server.Given(update);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupApiException>(
            () => client.HostGroups.UpdateAsync(8, "test_group", ["ffffffffffffffff"]),
            Vendor,
            HttpStatusCode.OK,
            "500",
            "Error 1452: Cannot add or update a child row: a foreign key constraint fails");

        server.Received(update);
    }

    [Fact]
    public async Task TheHostsOfAnUnknownHostGroupAreNotFound()
    {
        using var server = new ContractServer();
        var hosts = Fixture("hostgroups-hosts-unknown");
        server.Given(hosts);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupNotFoundException>(
            () => client.HostGroups.ListHostsAsync(99, new OwlHostListOptions { Page = 1, PageSize = 10 }), Vendor, HttpStatusCode.OK, "404", "group not found");

        server.Received(hosts);
    }
}
