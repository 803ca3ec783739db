using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.DependencyInjection;

/// <summary>
/// What an <c>Add…Client</c> registers: its arguments checked, the client's API calls and its logins each through an
/// HttpClient of the SDK's naming, the client and its services keyed by its name, named in logs as configured.
/// </summary>
public sealed class ClientRegistrationTests
{
    private const string FarFuture = "2099/01/01 00:00:00 +0800";

    [Fact]
    public void TheArgumentsAreChecked()
    {
        var services = new ServiceCollection();
        var configuration = Registered.Configuration();

        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddJumpServerClient("a", _ => { })).ParamName);
        Assert.Throws<ArgumentException>(() => services.AddJumpServerClient(" ", _ => { }));
        Assert.Throws<ArgumentNullException>(() => services.AddJumpServerClient("a", (Action<JumpServerClientOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => services.AddJumpServerClient("a", (IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => services.AddKylinClient("a", (IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => services.AddMinAppClient("a", (IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => services.AddOwlClient("a", (IConfiguration)null!));
        Assert.Throws<ArgumentException>(() => services.AddOwlClient(string.Empty, configuration));
        Assert.Empty(services);
    }

    [Theory]
    [InlineData("UserGroupClient/JumpServer/login/ops")]
    [InlineData("UserGroupClient/JumpServer/api/ops")]
    public void LoginsAndCallsGoOutThroughTheSdksTransportThatFollowsNoRedirectAndKeepsNoCookies(string httpClient)
    {
        var services = new ServiceCollection();
        services.AddJumpServerClient("ops", o =>
        {
            o.BaseAddress = new Uri("https://jms.example.com/");
            o.Credentials = JumpServerCredentials.Bearer("tok-8812");
        });
        using var provider = services.BuildServiceProvider();

        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(httpClient);
        while (handler is DelegatingHandler { InnerHandler: { } inner })
        {
            handler = inner;
        }

        var transport = Assert.IsType<SocketsHttpHandler>(handler);
        Assert.False(transport.AllowAutoRedirect);
        Assert.False(transport.UseCookies);
    }

    [Fact]
    public void TheReturnedBuilderIsTheClientsOwnHttpClientNotOneNamedLikeTheClient()
    {
        var services = new ServiceCollection();

        Assert.Equal("UserGroupClient/JumpServer/api/ops", services.AddJumpServerClient("ops", _ => { }).Name);
        Assert.Equal("UserGroupClient/Kylin/api/bi", services.AddKylinClient("bi", _ => { }).Name);
        Assert.Equal("UserGroupClient/MinApp/api/mini", services.AddMinAppClient("mini", _ => { }).Name);
        Assert.Equal("UserGroupClient/Owl/api/owl", services.AddOwlClient("owl", _ => { }).Name);
    }

    [Fact]
    public async Task LoginsGoThroughTheLoginHttpClientAndCallsThroughTheApiHttpClient()
    {
        var logins = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Created, $$"""{"token":"tok-1","keyword":"Bearer","date_expired":"{{FarFuture}}"}"""));
        var calls = Registered.Answering("""{"count":0,"results":[]}""");
        var services = new ServiceCollection();
        services.AddJumpServerClient("ops", o =>
            {
                o.BaseAddress = new Uri("https://jms.example.com/");
                o.Credentials = JumpServerCredentials.Password("admin", "pw-8812");
            })
            .ConfigurePrimaryHttpMessageHandler(() => calls);
        services.AddHttpClient("UserGroupClient/JumpServer/login/ops").ConfigurePrimaryHttpMessageHandler(() => logins);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IUserGroupService>("ops").ListGroupsAsync().ToListAsync();

        Assert.Equal(["POST /api/v1/authentication/auth/"], logins.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        var call = Assert.Single(calls.Requests);
        Assert.StartsWith("GET /api/v1/users/groups/", $"{call.Method} {call.PathAndQuery}", StringComparison.Ordinal);
        Assert.Equal("Bearer tok-1", call.Header("Authorization"));
    }

    [Fact]
    public async Task TheClientAndItsServicesAreOneSingletonKeyedByItsName()
    {
        var services = new ServiceCollection();
        services.AddOwlClient("owl", o =>
        {
            o.BaseAddress = new Uri("https://owl.example.com/");
            o.Credentials = OwlCredentials.Token("jwt-8812");
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredKeyedService<OwlClient>("owl");

        Assert.Same(client, provider.GetRequiredKeyedService<OwlClient>("owl"));
        Assert.Same(client.AsUserGroupService(), provider.GetRequiredKeyedService<IUserGroupService>("owl"));
        Assert.Same(client.AsHostGroupService(), provider.GetRequiredKeyedService<IUserGroupService>(OwlServiceCollectionExtensions.HostGroupServiceKey("owl")));
        Assert.Equal("owl:host-groups", OwlServiceCollectionExtensions.HostGroupServiceKey("owl"));
    }

    [Theory]
    [InlineData(null, "ops")]
    [InlineData("bastion", "bastion")]
    public async Task TheClientIsNamedInLogsByItsClientNameElseByItsRegistrationName(string? clientName, string expected)
    {
        var logs = new CapturedLogs();
        var calls = Registered.Answering("""{"count":0,"results":[]}""");
        var services = new ServiceCollection();
        services.AddJumpServerClient("ops", o =>
            {
                o.BaseAddress = new Uri("https://jms.example.com/");
                o.Credentials = JumpServerCredentials.Bearer("tok-8812");
                o.ClientName = clientName;
                o.LoggerFactory = logs;
            })
            .ConfigurePrimaryHttpMessageHandler(() => calls);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IUserGroupService>("ops").ListGroupsAsync().ToListAsync();

        var call = Assert.Single(logs.Events, e => e.EventId == 1000);
        Assert.StartsWith($"{expected}: GET /api/v1/users/groups/", call.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KylinCallsGoUnderTheApiRootOfTheAddress()
    {
        var calls = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"code":"000","data":{"groups":[],"total_size":0},"msg":""}""", System.Text.Encoding.UTF8, "application/vnd.apache.kylin-v2+json"),
        });
        var services = new ServiceCollection();
        services.AddKylinClient("bi", o =>
            {
                o.BaseAddress = new Uri("https://kylin.example.com/");
                o.Credentials = KylinCredentials.Basic("ADMIN", "KYLIN");
                o.Flavor = KylinFlavor.Kap3;
            })
            .ConfigurePrimaryHttpMessageHandler(() => calls);
        await using var provider = services.BuildServiceProvider();

        await Record.ExceptionAsync(async () => await provider.GetRequiredKeyedService<IUserGroupService>("bi").ListGroupsAsync().ToListAsync());

        var call = calls.Requests[0];
        Assert.StartsWith("/kylin/api/user_group", call.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("Basic QURNSU46S1lMSU4=", call.Header("Authorization"));
    }

    [Fact]
    public async Task WithRetriesOnAServerErrorIsResentByTheSdksResilience()
    {
        var calls = new StubHandler((_, index) => index == 0
            ? StubHandler.Json(HttpStatusCode.ServiceUnavailable, "{}")
            : StubHandler.Json(HttpStatusCode.OK, """{"count":0,"results":[]}"""));
        var services = new ServiceCollection();
        services.AddJumpServerClient("ops", o =>
            {
                o.BaseAddress = new Uri("https://jms.example.com/");
                o.Credentials = JumpServerCredentials.Bearer("tok-8812");
                o.Resilience.BaseDelay = TimeSpan.Zero;
            })
            .ConfigurePrimaryHttpMessageHandler(() => calls);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IUserGroupService>("ops").ListGroupsAsync().ToListAsync();

        Assert.Equal(2, calls.Requests.Count);
    }

    [Fact]
    public async Task MinAppTokensAreExchangedThroughTheLoginHttpClient()
    {
        var logins = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Unauthorized, """{"error_msg":"invalid client"}"""));
        var calls = Registered.Answering("{}");
        var services = new ServiceCollection();
        services.AddMinAppClient("mini", o => o.Credentials = MinAppCredentials.ClientCredentials("cid-1", "cs-8812"))
            .ConfigurePrimaryHttpMessageHandler(() => calls);
        services.AddHttpClient("UserGroupClient/MinApp/login/mini").ConfigurePrimaryHttpMessageHandler(() => logins);
        await using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAnyAsync<UserGroupApiException>(async () => await provider.GetRequiredKeyedService<IUserGroupService>("mini").ListGroupsAsync().ToListAsync());

        Assert.NotEmpty(logins.Requests);
        Assert.Empty(calls.Requests);
    }
}
