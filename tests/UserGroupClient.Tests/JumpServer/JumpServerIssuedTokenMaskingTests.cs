using System.Net;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>The token a password login is issued becomes a secret of the client: a server that echoes it shows it masked.</summary>
public sealed class JumpServerIssuedTokenMaskingTests
{
    [Fact]
    public async Task AnErrorThatEchoesTheIssuedTokenShowsItMasked()
    {
        var stub = new StubHandler(request => request.RequestUri!.AbsolutePath == "/api/v1/authentication/auth/"
            ? StubHandler.Json(HttpStatusCode.Created, """{"token": "5c0b1e9d7a2f4e68", "date_expired": "2099/01/01 00:00:00 +0800"}""")
            : StubHandler.Json(HttpStatusCode.Forbidden, """{"detail": "5c0b1e9d7a2f4e68 may not list user groups"}"""));
        using var jms = new JumpServerStub(stub, JumpServerCredentials.Password("admin", "pw"));

        var error = await Assert.ThrowsAnyAsync<UserGroupApiException>(() => jms.Client.UserGroups.ListAsync());

        Assert.Equal("*** may not list user groups", error.ServerMessage);
        Assert.Contains("*** may not list user groups", error.ResponseBody, StringComparison.Ordinal);
        Assert.Contains("*** may not list user groups", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("5c0b1e9d7a2f4e68", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("5c0b1e9d7a2f4e68", error.ResponseBody, StringComparison.Ordinal);
    }
}
