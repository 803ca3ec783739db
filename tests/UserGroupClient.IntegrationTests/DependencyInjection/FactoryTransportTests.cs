using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UserGroupClient.JumpServer;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.IntegrationTests.DependencyInjection;

/// <summary>
/// A registered client sends through the handlers the factory builds for it, the request itself and not a copy: the
/// application's handlers see the SDK's request marks, and a primary handler that follows a redirect to another
/// origin has its answer refused, as a caller's HttpClient has.
/// </summary>
public sealed class FactoryTransportTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";

    [Fact]
    public async Task TheApplicationsHandlerSeesThatACallCreatesSoItsOwnRetriesCanLeaveItAlone()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var seen = new MarkRecorder();
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", o =>
        {
            o.BaseAddress = emulator.BaseAddress;
            o.Credentials = JumpServerCredentials.PrivateToken(emulator.AddPrivateToken(JumpServerEmulator.AdminUsername));
        }).AddHttpMessageHandler(() => seen);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredKeyedService<JumpServerClient>("jms");

        var created = await client.UserGroups.CreateAsync(new JumpServerUserGroupCreate("ops"));
        await client.UserGroups.GetAsync(created.Id);

        Assert.Equal([("POST", true), ("GET", false)], seen.Requests);
    }

    [Fact]
    public async Task AnAnswerFromAnotherOriginThatThePrimaryHandlerFollowedIsRefusedUnread()
    {
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", o =>
        {
            o.BaseAddress = new Uri("https://jms.example.com/");
            o.Credentials = JumpServerCredentials.PrivateToken("0123456789abcdef0123456789abcdef01234567");
        }).ConfigurePrimaryHttpMessageHandler(() => new RedirectingHandler(new Uri("https://elsewhere.example:8443/landing/")));
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => provider.GetRequiredKeyedService<JumpServerClient>("jms").UserGroups.GetAsync(GroupId));

        Assert.Contains("followed a redirect to another origin (https://elsewhere.example:8443)", error.Message, StringComparison.Ordinal);
        Assert.Equal(new Uri($"https://jms.example.com/api/v1/users/groups/{GroupId}/"), error.RequestUri);
        Assert.Null(error.StatusCode);
    }

    /// <summary>Records each request's method and whether it carries the SDK's create mark.</summary>
    private sealed class MarkRecorder : DelegatingHandler
    {
        private static readonly HttpRequestOptionsKey<bool> Creates = new(UserGroupRequestProperties.CreatesResource);

        public List<(string Method, bool Creates)> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.Method.Method, request.Options.TryGetValue(Creates, out var creates) && creates));
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>A transport that follows a redirect as .NET's does: the same message, sent on to a new address.</summary>
    private sealed class RedirectingHandler(Uri landing) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = landing;
            var body = new StringContent($$"""{"id":"{{GroupId}}","name":"ops","comment":"","users":[]}""", System.Text.Encoding.UTF8, "application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = body, RequestMessage = request });
        }
    }
}
