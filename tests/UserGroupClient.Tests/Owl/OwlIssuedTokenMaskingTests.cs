using System.Net;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Owl;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Owl;

/// <summary>The tokens a login and a renewal issue become secrets of the client: a server that echoes one shows it masked.</summary>
public sealed class OwlIssuedTokenMaskingTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnErrorThatEchoesTheLoginsOrTheRenewalsTokenShowsItMasked()
    {
        var clock = new FakeTimeProvider(Start);
        using var owl = new OwlStub(
            new StubHandler(request => request.RequestUri!.AbsolutePath switch
            {
                "/api/v1/login" => Token("7d41c0e9b2a8f356", clock.GetUtcNow().AddHours(1)),
                "/api/v1/refresh_token" => Token("e83f5a2c9d0b4176", clock.GetUtcNow().AddHours(1)),
                _ => StubHandler.Json(HttpStatusCode.BadRequest, $$"""{"code":400,"message":"{{request.Headers.Authorization!.Parameter}} may not list groups"}"""),
            }),
            OwlCredentials.Password("admin", "s3cret"),
            options => options.TimeProvider = clock);

        var afterLogin = await Assert.ThrowsAnyAsync<UserGroupApiException>(() => owl.Client.HostGroups.ListAsync());
        clock.Advance(TimeSpan.FromMinutes(56));
        var afterRenewal = await Assert.ThrowsAnyAsync<UserGroupApiException>(() => owl.Client.HostGroups.ListAsync());

        Assert.Equal(["POST /api/v1/login", "GET /api/v1/groups", "GET /api/v1/refresh_token", "GET /api/v1/groups"], owl.Handler.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        foreach (var error in new[] { afterLogin, afterRenewal })
        {
            Assert.Equal("*** may not list groups", error.ServerMessage);
            Assert.Contains("*** may not list groups", error.ResponseBody, StringComparison.Ordinal);
            Assert.Contains("*** may not list groups", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("7d41c0e9b2a8f356", error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("e83f5a2c9d0b4176", error.ToString(), StringComparison.Ordinal);
        }
    }

    private static HttpResponseMessage Token(string token, DateTimeOffset expire) =>
        StubHandler.Json(HttpStatusCode.OK, $$"""{"expire":"{{expire:yyyy-MM-dd'T'HH:mm:ss'Z'}}","token":"{{token}}"}""");
}
