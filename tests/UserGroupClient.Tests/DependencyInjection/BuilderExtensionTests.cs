using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.DependencyInjection;

/// <summary>
/// <c>AddApi</c> and <c>UseResilienceHandler</c> build on the builder an <c>Add…Client</c> returned and on no other:
/// an application's own endpoints go through the client's pipeline, and its own handler replaces the SDK's retries.
/// </summary>
public sealed class BuilderExtensionTests
{
    [Fact]
    public void TheirArgumentsAreChecked()
    {
        var services = new ServiceCollection();
        var builder = services.AddJumpServerClient("ops", _ => { });

        Assert.Throws<ArgumentNullException>(() => ((IHttpClientBuilder)null!).AddApi<IOwnEndpoints>());
        Assert.Throws<ArgumentNullException>(() => ((IHttpClientBuilder)null!).UseResilienceHandler(_ => new PassThrough()));
        Assert.Throws<ArgumentNullException>(() => builder.UseResilienceHandler(null!));
    }

    [Fact]
    public void AnotherHttpClientBuilderIsRefusedNamingIt()
    {
        var builder = new ServiceCollection().AddHttpClient("mine");

        var api = Assert.Throws<InvalidOperationException>(() => builder.AddApi<IOwnEndpoints>());
        var resilience = Assert.Throws<InvalidOperationException>(() => builder.UseResilienceHandler(_ => new PassThrough()));

        Assert.Equal("AddApi<IOwnEndpoints>() extends the builder that AddJumpServerClient, AddMinAppClient, AddKylinClient or AddOwlClient returns, not 'mine'.", api.Message);
        Assert.Equal("UseResilienceHandler() extends the builder that AddJumpServerClient, AddMinAppClient, AddKylinClient or AddOwlClient returns, not 'mine'.", resilience.Message);
    }

    [Fact]
    public async Task AnOwnEndpointIsCalledThroughTheClientsAuthenticationUnderItsName()
    {
        var calls = Registered.Answering("""{"id":"u1"}""");
        var services = new ServiceCollection();
        services.AddJumpServerClient("ops", o =>
            {
                o.BaseAddress = new Uri("https://jms.example.com/");
                o.Credentials = JumpServerCredentials.PrivateToken("tok-8812");
            })
            .ConfigurePrimaryHttpMessageHandler(() => calls)
            .AddApi<IOwnEndpoints>();
        await using var provider = services.BuildServiceProvider();

        var api = provider.GetRequiredKeyedService<IOwnEndpoints>("ops");
        await api.GetUserAsync("u1");

        var call = Assert.Single(calls.Requests);
        Assert.Equal("/api/v1/users/users/u1/", call.PathAndQuery);
        Assert.Equal("Token tok-8812", call.Header("Authorization"));
        Assert.Same(api, provider.GetRequiredKeyedService<IOwnEndpoints>("ops"));
    }

    [Fact]
    public async Task TheApplicationsHandlerMakesTheAttemptsInPlaceOfTheSdksRetries()
    {
        var calls = new StubHandler(_ => StubHandler.Json(HttpStatusCode.ServiceUnavailable, "{}"));
        var handlers = 0;
        var services = new ServiceCollection();
        services.AddJumpServerClient("ops", o =>
            {
                o.BaseAddress = new Uri("https://jms.example.com/");
                o.Credentials = JumpServerCredentials.Bearer("tok-8812");
                o.Resilience.BaseDelay = TimeSpan.Zero;
            })
            .ConfigurePrimaryHttpMessageHandler(() => calls)
            .UseResilienceHandler(_ =>
            {
                handlers++;
                return new PassThrough();
            });
        await using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAnyAsync<UserGroupApiException>(async () => await provider.GetRequiredKeyedService<IUserGroupService>("ops").ListGroupsAsync().ToListAsync());

        Assert.Single(calls.Requests);
        Assert.True(handlers > 0);
    }

    /// <summary>An endpoint of JumpServer's the SDK has no method for.</summary>
    public interface IOwnEndpoints
    {
        [Get("/api/v1/users/users/{id}/")]
        Task<HttpResponseMessage> GetUserAsync(string id);
    }

    private sealed class PassThrough : DelegatingHandler;
}
