using System.Net;
using UserGroupClient.Owl;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Owl;

/// <summary>What a password login that yields no token tells the caller: the user, the server's message, the login request.</summary>
public sealed class OwlLoginRefusalTests
{
    private const string Login = "https://owl.example.com/api/v1/login";

    [Fact]
    public async Task ARefusedLoginNamesTheUserAndTheServersMessage()
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.NotFound, """{"code":404,"message":"user not found"}""")), OwlCredentials.Password("admin", "s3cret"));

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => owl.Client.HostGroups.ListAsync());

        Assert.Equal($"Owl refused the login of 'admin': user not found (POST {Login} → 404, code 404)", error.Message);
    }

    [Theory]
    [InlineData("""{"code":200,"message":"account is locked"}""", "account is locked", "200", "account is locked")]
    [InlineData("""{"expire":"2025-03-01T09:00:00Z"}""", "the answer carried no token", null, null)]
    public async Task ALoginAnswerWithoutATokenSaysWhyAndNamesTheLoginRequest(string answer, string reason, string? code, string? serverMessage)
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, answer)), OwlCredentials.Password("admin", "s3cret"));

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => owl.Client.HostGroups.ListAsync());

        var suffix = code is null ? ")" : $", code {code})";
        Assert.Equal($"Owl did not issue a token for 'admin': {reason}. (POST {Login}{suffix}", error.Message);
        Assert.Equal(("Owl", code, serverMessage), (error.Dialect, error.ErrorCode, error.ServerMessage));
        Assert.Equal(("POST", new Uri(Login)), (error.RequestMethod, error.RequestUri));
        Assert.Single(owl.Handler.Requests);
    }
}
