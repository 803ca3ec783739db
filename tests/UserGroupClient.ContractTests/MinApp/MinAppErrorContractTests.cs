using System.Net;
using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.MinApp;
using static UserGroupClient.ContractTests.MinApp.MinAppContract;

namespace UserGroupClient.ContractTests.MinApp;

/// <summary>
/// The vendor's error statuses (docs/wire/minapp.md §5) and the token endpoint's refusals (§1.4): each raises the matching
/// exception with the server's status, code and message, after exactly one request (retries off).
/// </summary>
public sealed class MinAppErrorContractTests
{
    [Fact]
    public async Task A400ParameterErrorIsAValidationError()
    {
        using var server = new ContractServer();
        var fixture = Fixture("error-400-membership");
        server.Given(fixture);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupValidationException>(
            () => client.Membership.AddAsync([5, 6], [53, 54]), Vendor, HttpStatusCode.BadRequest, null, "参数错误");

        server.Received(fixture);
    }

    [Fact]
    public async Task A401WithAFixedTokenIsAnAuthenticationErrorWithoutAResend()
    {
        using var server = new ContractServer();
        var fixture = Fixture("error-401");
        server.Given(fixture);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupAuthenticationException>(
            () => client.UserGroups.GetAsync(47), Vendor, HttpStatusCode.Unauthorized, null, "未授权，请检查请求头中的 Authorization 字段是否正确");

        server.Received(fixture);
    }

    [Fact]
    public async Task A402ApplicationInArrearsIsAPermissionError()
    {
        using var server = new ContractServer();
        var fixture = Fixture("error-402");
        server.Given(fixture);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupPermissionException>(
            () => client.UserGroups.GetAsync(47), Vendor, HttpStatusCode.PaymentRequired, null, "应用欠费");

        server.Received(fixture);
    }

    [Fact]
    public async Task A403IsAPermissionError()
    {
        using var server = new ContractServer();
        var fixture = Fixture("error-403");
        server.Given(fixture);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupPermissionException>(
            () => client.UserGroups.DeleteAsync(47), Vendor, HttpStatusCode.Forbidden, null, "forbidden");

        server.Received(fixture);
    }

    [Fact]
    public async Task A404WithAnEmptyBodyIsNotFound()
    {
        using var server = new ContractServer();
        var fixture = Fixture("error-404");
        server.Given(fixture);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupNotFoundException>(
            () => client.UserGroups.GetAsync(47), Vendor, HttpStatusCode.NotFound, null, "not found");

        server.Received(fixture);
    }

    [Fact]
    public async Task A500IsTheBaseException()
    {
        using var server = new ContractServer();
        var fixture = Fixture("error-500");
        server.Given(fixture);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupApiException>(
            () => client.UserGroups.GetAsync(47), Vendor, HttpStatusCode.InternalServerError, null, "server error");

        server.Received(fixture);
    }

    [Fact]
    public async Task AnInvalidClientAtTheTokenEndpointIsAnAuthenticationErrorThatSendsNoApiCall()
    {
        using var server = new ContractServer();
        var token = Fixture("token-invalid-client");
        GivenAuthorize(server).Given(token);
        using var client = Client(server, MinAppCredentials.ClientCredentials(ClientId, ClientSecret));

        var error = await VendorError.AssertRaisedAsync<UserGroupAuthenticationException>(
            () => client.UserGroups.GetAsync(47), Vendor, HttpStatusCode.BadRequest, "invalid_client", "invalid_client");

        Assert.Contains("invalid_client", error.Message, StringComparison.Ordinal);
        server.ReceivedInOrder(Fixture("oauth-authorize"), Fixture("oauth-authorize-confirm"), Fixture("oauth-authorize-redirect"), token);
    }

    [Fact]
    public async Task ARefusedCodeIsAnAuthenticationErrorThatNeverShowsTheCode()
    {
        using var server = new ContractServer();
        var token = Fixture("token-invalid-grant");
        GivenAuthorize(server).Given(token);
        using var client = Client(server, MinAppCredentials.ClientCredentials(ClientId, ClientSecret));

        var error = await VendorError.AssertRaisedAsync<UserGroupAuthenticationException>(
            () => client.UserGroups.GetAsync(47), Vendor, HttpStatusCode.BadRequest, "invalid_grant", "invalid_grant");

        Assert.DoesNotContain("7743956163d65914c63ba1a5d48370ff791d1e16", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(4, server.Requests.Count);
    }

    private static ContractServer GivenAuthorize(ContractServer server) =>
        server.Given(Fixture("oauth-authorize")).Given(Fixture("oauth-authorize-confirm")).Given(Fixture("oauth-authorize-redirect"));
}
