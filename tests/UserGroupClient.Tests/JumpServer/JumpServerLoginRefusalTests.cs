using System.Net;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>What a password login that yields no token tells the caller: the user, and the server's own reason.</summary>
public sealed class JumpServerLoginRefusalTests
{
    private const string Login = "https://jms.example.com/api/v1/authentication/auth/";

    [Fact]
    public async Task ARefusedLoginNamesTheUserAndTheServersMessage()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.BadRequest, """{"error": "password_failed", "msg": "The username or password you entered is incorrect"}"""));
        using var jms = new JumpServerStub(stub, JumpServerCredentials.Password("admin", "wrong-password"));

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => jms.Client.UserGroups.ListAsync());

        Assert.Equal($"JumpServer refused the login of 'admin': The username or password you entered is incorrect (POST {Login} → 400, code password_failed)", error.Message);
    }

    [Theory]
    [InlineData("""{"error": "mfa_required", "msg": "请完成二次认证"}""", "the account requires MFA, which a password login cannot complete; use an Access Key or a private token", "mfa_required", "请完成二次认证")]
    [InlineData("""{"error": "login_confirm_required", "msg": "Waiting for the administrator's approval"}""", "Waiting for the administrator's approval", "login_confirm_required", "Waiting for the administrator's approval")]
    [InlineData("""{"error": "password_expired"}""", "password_expired", "password_expired", null)]
    [InlineData("""{"msg": "Account is locked"}""", "Account is locked", null, "Account is locked")]
    [InlineData("""{}""", "the answer carried no token", null, null)]
    public async Task AnAnswerWithoutATokenSaysWhy(string answer, string reason, string? code, string? serverMessage)
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, answer));
        using var jms = new JumpServerStub(stub, JumpServerCredentials.Password("admin", "pw"));

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => jms.Client.UserGroups.ListAsync());

        var suffix = code is null ? ")" : $", code {code})";
        Assert.Equal($"JumpServer did not issue a token for 'admin': {reason}. (POST {Login}{suffix}", error.Message);
        Assert.Equal((code, serverMessage, "JumpServer"), (error.ErrorCode, error.ServerMessage, error.Dialect));
        Assert.Single(stub.Requests);
    }
}
