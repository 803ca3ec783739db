using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.JumpServer;
using static UserGroupClient.ContractTests.JumpServer.JumpServerContract;

namespace UserGroupClient.ContractTests.JumpServer;

/// <summary>
/// The authorization shapes JumpServer accepts (docs/wire/jumpserver.md §6): an Access Key signature, a Bearer token,
/// a private token, and the password login that yields a Bearer token.
/// </summary>
public sealed class JumpServerAuthenticationContractTests
{
    private const string DocumentToken = "b96810faac725563304dada8c323c4fa061863d4";

    private const string LoginToken = "4f1c2b7e-9d3a-4e5f-8a6b-0c1d2e3f4a5b";

    // The day before the login fixture's date_expired, so that its token is fresh.
    private static readonly FixedClock BeforeExpiry = new(new DateTimeOffset(2026, 7, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TheSignatureCheckAgreesWithTheDocumentedTestVector()
    {
        // docs/wire/jumpserver.md §8, vector A.
        var signingString = HttpSignatureCheck.SigningString("GET", "/api/v1/users/groups/?limit=10&offset=0", ["(request-target)", "date"], _ => "Tue, 07 Jun 2014 20:51:35 GMT");

        Assert.Equal("(request-target): get /api/v1/users/groups/?limit=10&offset=0\ndate: Tue, 07 Jun 2014 20:51:35 GMT", signingString);
        Assert.Equal("81z8u6y3N7gTnI5biqTRFq1EVT9dGiID1Gd8mdYBDQA=", HttpSignatureCheck.Sign(signingString, "Xy7Kp2Qw9Rt4Zu8Vb3Nm6Lc1Hd5Fg0Js3Ae"));
    }

    [Fact]
    public async Task AnAccessKeySignsTheQueryTheAcceptAndAnRfc1123Date()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-list");
        server.Given(fixture);
        using var client = Client(server);

        await client.UserGroups.ListAsync(new JumpServerGroupListOptions { Limit = 10, Offset = 20, Search = "api", Order = "-date_created" });

        var request = server.Received(fixture);
        AssertSigned(request);
        Assert.True(DateTimeOffset.TryParseExact(request.Header("Date"), "r", null, System.Globalization.DateTimeStyles.AssumeUniversal, out _), $"Date '{request.Header("Date")}' is not RFC 1123.");
    }

    [Fact]
    public async Task ABearerTokenIsSentAsTheDocumentShowsIt()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-get");
        server.Given(fixture);
        using var client = Client(server, options => options.Credentials = JumpServerCredentials.Bearer(DocumentToken));

        await client.UserGroups.GetAsync(GroupId);

        AuthorizationShape.AssertBearer(server.Received(fixture), DocumentToken);
    }

    [Fact]
    public async Task APrivateTokenIsSentWithTheTokenKeyword()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-get");
        server.Given(fixture);
        using var client = Client(server, options => options.Credentials = JumpServerCredentials.PrivateToken(DocumentToken));

        await client.UserGroups.GetAsync(GroupId);

        Assert.Equal("Token " + DocumentToken, server.Received(fixture).Header("Authorization"));
    }

    [Fact]
    public async Task APasswordLogsInOnceAndThenSendsTheIssuedBearerToken()
    {
        using var server = new ContractServer();
        var login = Fixture("auth-login");
        var read = Fixture("groups-get-bearer");
        server.Given(login).Given(read);
        using var client = PasswordClient(server);

        await client.UserGroups.GetAsync(GroupId);
        await client.UserGroups.GetAsync(GroupId);

        var requests = server.ReceivedInOrder(login, read, read);
        AuthorizationShape.AssertNone(requests[0]);
        Assert.Null(requests[0].Header("X-JMS-ORG"));
        AuthorizationShape.AssertBearer(requests[1], LoginToken);
    }

    [Fact]
    public async Task ARefusedTokenMakesThePasswordLogInAgainAndTheCallIsResentOnce()
    {
        using var server = new ContractServer();
        var login = Fixture("auth-login");
        var renewedLogin = Fixture("auth-login-renewed");
        var expired = Fixture("groups-get-token-expired");
        var read = Fixture("groups-get");
        server.GivenInTurn(AfterTheLastAnswer.NoMapping, login, renewedLogin).GivenInTurn(AfterTheLastAnswer.NoMapping, expired, read);
        using var client = PasswordClient(server);

        var group = await client.UserGroups.GetAsync(GroupId);

        var requests = server.ReceivedInOrder(login, expired, renewedLogin, read);
        AuthorizationShape.AssertBearer(requests[1], LoginToken);
        AuthorizationShape.AssertBearer(requests[3], "8e2d4c6a-1b3f-4a5c-9d7e-2f4a6c8e0b1d");
        Assert.Equal(GroupId, group.Id);
    }

    [Fact]
    public async Task ALoginThatNeedsMfaIsAnAuthenticationFailureAndNothingElseIsSent()
    {
        using var server = new ContractServer();
        var login = Fixture("auth-login-mfa");
        server.Given(login).Given(Fixture("groups-get"));
        using var client = PasswordClient(server);

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => client.UserGroups.GetAsync(GroupId));

        server.Received(login);
        Assert.Equal("mfa_required", error.ErrorCode);
        Assert.Contains("requires MFA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordIsAnAuthenticationFailureWithTheServersCode()
    {
        using var server = new ContractServer();
        var login = Fixture("auth-login-password-failed");
        server.Given(login).Given(Fixture("groups-get"));
        using var client = PasswordClient(server);

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => client.UserGroups.GetAsync(GroupId));

        server.Received(login);
        Assert.Equal("password_failed", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.DoesNotContain("ChangeMe-2024", error.ToString(), StringComparison.Ordinal);
    }

    private static JumpServerClient PasswordClient(ContractServer server) =>
        Client(server, options =>
        {
            options.Credentials = JumpServerCredentials.Password("admin", "ChangeMe-2024");
            options.TimeProvider = BeforeExpiry;
        });
}
