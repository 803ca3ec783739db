using System.Net;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.JumpServer;

public sealed class JumpServerCredentialsTests
{
    private const string KeyId = "2a5b0e9c-1111-4222-8333-944455556666";
    private const string Secret = "Xy7Kp2Qw9Rt4Zu8Vb3Nm6Lc1Hd5Fg0Js3Ae";

    [Theory]
    [InlineData("(request-target) date content-type")]
    [InlineData("(request-target) date content-length")]
    [InlineData("(request-target) accept")]
    [InlineData("accept date")]
    public void AccessKeyHeaderListsTheServerCannotVerifyAreRefused(string headers) =>
        Assert.Throws<ArgumentException>(() => JumpServerCredentials.AccessKey(KeyId, Secret, headers.Split(' ')));

    [Fact]
    public void AccessKeyIdsMustBeUuids() =>
        Assert.Throws<ArgumentException>(() => JumpServerCredentials.AccessKey("my-key", Secret));

    [Fact]
    public void CredentialsNeverShowSecrets()
    {
        Assert.DoesNotContain(Secret, JumpServerCredentials.AccessKey(KeyId, Secret).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tok3n", JumpServerCredentials.Bearer("tok3n").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tok3n", JumpServerCredentials.PrivateToken("tok3n").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", JumpServerCredentials.Password("admin", "hunter2").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivateTokensUseTheTokenKeyword()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"count":0,"results":[]}"""));
        using var jms = new JumpServerStub(stub, JumpServerCredentials.PrivateToken("0123456789abcdef0123456789abcdef01234567"));

        await jms.Client.UserGroups.ListAsync();

        Assert.Equal("Token 0123456789abcdef0123456789abcdef01234567", stub.Requests[0].Header("Authorization"));
    }

    [Fact]
    public async Task PasswordLogsInOnceAndReusesTheTokenUntilDateExpired()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 2, 3, 0, 0, TimeSpan.Zero));
        var logins = 0;
        var stub = new StubHandler(request =>
        {
            if (request.RequestUri!.AbsolutePath == "/api/v1/authentication/auth/")
            {
                logins++;
                return StubHandler.Json(HttpStatusCode.Created, $$"""{"token": "tok-{{logins}}", "keyword": "Bearer", "date_expired": "2026/07/03 11:00:00 +0800"}""");
            }

            return StubHandler.Json(HttpStatusCode.OK, """{"count":0,"results":[]}""");
        });
        using var jms = new JumpServerStub(stub, JumpServerCredentials.Password("admin", "pw"), o => o.TimeProvider = clock);

        await jms.Client.UserGroups.ListAsync();
        await jms.Client.UserGroups.ListAsync();
        clock.Advance(new TimeSpan(23, 56, 0));
        await jms.Client.UserGroups.ListAsync();

        Assert.Equal(2, logins);
        Assert.Equal("""{"username":"admin","password":"pw"}""", stub.Requests[0].Body);
        Assert.Null(stub.Requests[0].Header("Authorization"));
        Assert.Equal("Bearer tok-1", stub.Requests[1].Header("Authorization"));
        Assert.Equal("Bearer tok-1", stub.Requests[2].Header("Authorization"));
        Assert.Equal("Bearer tok-2", stub.Requests[4].Header("Authorization"));
    }

    [Fact]
    public async Task PasswordLogsInAgainWhenTheTokenIsRejected()
    {
        var logins = 0;
        var stub = new StubHandler(request =>
        {
            if (request.RequestUri!.AbsolutePath == "/api/v1/authentication/auth/")
            {
                logins++;
                return StubHandler.Json(HttpStatusCode.Created, $$"""{"token": "tok-{{logins}}", "date_expired": "2099/01/01 00:00:00 +0800"}""");
            }

            return request.Headers.Authorization!.Parameter == "tok-1"
                ? StubHandler.Json(HttpStatusCode.Unauthorized, """{"detail": "Authentication credentials were not provided.", "code": "not_authenticated"}""")
                : StubHandler.Json(HttpStatusCode.OK, """{"count":0,"results":[]}""");
        });
        using var jms = new JumpServerStub(stub, JumpServerCredentials.Password("admin", "pw"));

        await jms.Client.UserGroups.ListAsync();

        Assert.Equal(2, logins);
    }

    [Fact]
    public async Task AnMfaAnswerIsAnAuthenticationErrorThatSaysSo()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"error": "mfa_required", "msg": "MFA required", "data": {"choices": ["otp"], "url": "/api/v1/authentication/mfa/challenge/"}}"""));
        using var jms = new JumpServerStub(stub, JumpServerCredentials.Password("admin", "pw"));

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => jms.Client.UserGroups.ListAsync());

        Assert.Equal("mfa_required", error.ErrorCode);
        Assert.Contains("MFA", error.Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task ALoginAnswerWithoutATokenThatEchoesThePasswordShowsItNowhere()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"error": "Summer\"2024!", "msg": "password Summer\"2024! has expired"}"""));
        using var jms = new JumpServerStub(stub, JumpServerCredentials.Password("admin", "Summer\"2024!"));

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => jms.Client.UserGroups.ListAsync());

        Assert.DoesNotContain("Summer", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Summer", error.ServerMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Summer", error.ErrorCode, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordIsAnAuthenticationError()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.BadRequest, """{"error": "password_failed", "msg": "The username or password you entered is incorrect"}"""));
        using var jms = new JumpServerStub(stub, JumpServerCredentials.Password("admin", "wrong-password"));

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => jms.Client.UserGroups.ListAsync());

        Assert.Equal("password_failed", error.ErrorCode);
        Assert.DoesNotContain("wrong-password", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSettingsAreNamed()
    {
        var noAddress = Assert.Throws<ArgumentException>(() => new JumpServerClient(new JumpServerClientOptions { Credentials = JumpServerCredentials.Bearer("t") }));
        var noCredentials = Assert.Throws<ArgumentException>(() => new JumpServerClient(new JumpServerClientOptions { BaseAddress = new Uri("https://jms.example.com") }));
        var badOrg = Assert.Throws<ArgumentException>(() => new JumpServerClient(new JumpServerClientOptions
        {
            BaseAddress = new Uri("https://jms.example.com"),
            Credentials = JumpServerCredentials.Bearer("t"),
            OrganizationId = "default",
        }));

        Assert.Contains("BaseAddress", noAddress.Message, StringComparison.Ordinal);
        Assert.Contains("Credentials", noCredentials.Message, StringComparison.Ordinal);
        Assert.Contains("OrganizationId", badOrg.ParamName, StringComparison.Ordinal);
    }
}
