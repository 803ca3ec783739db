using System.Net;
using Refit;
using UserGroupClient.JumpServer;

namespace UserGroupClient.IntegrationTests.OwnEndpoints;

/// <summary>
/// An empty success body on a method of the caller's own: Refit's answer (<see langword="null"/>) unless the method
/// requires a body with <see cref="UserGroupRequestProperties.BodyRequired"/>; the SDK's own reads always require one.
/// </summary>
public sealed class OwnEndpointBodyTests
{
    private const string UserId = "0b7f2f4c-1d7e-4c55-8a84-6a8a1c1f0a01";

    [Fact]
    public async Task YourMethodGetsNullForAnEmptyBodyAsRefitGivesIt()
    {
        using var http = new HttpClient(new EmptyAnswers());
        using var client = Client(http);

        var user = await client.CreateApi<IJumpServerUserLookup>(OwnJumpServerJson.Default).FindAsync(UserId);

        Assert.Null(user);
    }

    [Fact]
    public async Task YourMethodThatRequiresABodyRefusesAnEmptyOneNamingTheRequest()
    {
        using var http = new HttpClient(new EmptyAnswers());
        using var client = Client(http);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.CreateApi<IJumpServerUserLookup>(OwnJumpServerJson.Default).GetAsync(UserId));

        Assert.Contains("the body is empty", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("GET", error.RequestMethod);
    }

    [Fact]
    public async Task TheSdksOwnReadRefusesAnEmptyBody()
    {
        using var http = new HttpClient(new EmptyAnswers());
        using var client = Client(http);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.UserGroups.GetAsync(UserId));

        Assert.Contains("the body is empty", error.Message, StringComparison.Ordinal);
    }

    private static JumpServerClient Client(HttpClient http) =>
        new(new JumpServerClientOptions { BaseAddress = new Uri("https://jms.example.com/"), Credentials = JumpServerCredentials.PrivateToken("0123456789abcdef0123456789abcdef01234567"), Resilience = { Enabled = false } }, http);

    /// <summary>Answers every request 200 with no body, as a server that lost its answer's body does.</summary>
    private sealed class EmptyAnswers : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]), RequestMessage = request });
    }
}

/// <summary>The caller's own read of one user, once as Refit answers an empty body and once requiring a body.</summary>
public interface IJumpServerUserLookup
{
    [Get("/api/v1/users/users/{id}/")]
    Task<OwnUser?> FindAsync(string id);

    [Get("/api/v1/users/users/{id}/")]
    Task<OwnUser> GetAsync(string id, [Property(UserGroupRequestProperties.BodyRequired)] bool bodyRequired = true);
}
