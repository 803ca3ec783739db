using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.IntegrationTests.DependencyInjection;

/// <summary>
/// A client's name is the caller's key for its services, never the name of an HttpClient the application or another
/// client shares: one name, one client, and no handler or credential crosses between clients.
/// </summary>
public sealed class ClientNameTests
{
    private static readonly string[] Dialects = ["JumpServer", "MinApp", "Kylin", "Owl"];

    public static TheoryData<string, string> DialectPairs()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var first in Dialects)
        {
            foreach (var second in Dialects)
            {
                pairs.Add(first, second);
            }
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(DialectPairs))]
    public void ASecondClientUnderATakenNameIsRefusedAtRegistrationNamingTheNameAndBothDialects(string first, string second)
    {
        var services = new ServiceCollection();
        Add(services, first, "prod");
        var registered = services.Count;

        var error = Assert.Throws<InvalidOperationException>(() => Add(services, second, "prod"));

        Assert.Contains("'prod'", error.Message, StringComparison.Ordinal);
        Assert.Contains(first, error.Message, StringComparison.Ordinal);
        Assert.Contains(second, error.Message, StringComparison.Ordinal);
        Assert.Equal(registered, services.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ANameThatKeysAnOwlClientsHostGroupsIsTaken(bool owlFirst)
    {
        var services = new ServiceCollection();
        var hostGroups = OwlServiceCollectionExtensions.HostGroupServiceKey("prod");
        Add(services, owlFirst ? "Owl" : "Kylin", owlFirst ? "prod" : hostGroups);

        var error = Assert.Throws<InvalidOperationException>(() => Add(services, owlFirst ? "Kylin" : "Owl", owlFirst ? hostGroups : "prod"));

        Assert.Contains($"'{hostGroups}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Owl", error.Message, StringComparison.Ordinal);
        Assert.Contains("Kylin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheClientUnderANameKeepsSendingOnlyItsOwnCredentialsAfterASecondDialectIsRefused()
    {
        await using var owl = await OwlEmulator.StartAsync();
        await using var kylin = await KylinEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddOwlClient("prod", o =>
        {
            o.BaseAddress = owl.BaseAddress;
            o.Credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword);
        });

        Assert.Throws<InvalidOperationException>(() => services.AddKylinClient("prod", o =>
        {
            o.BaseAddress = kylin.BaseAddress;
            o.Project = "learn_kylin";
            o.Credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword);
        }));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        await provider.GetRequiredKeyedService<IUserGroupService>("prod").CreateGroupAsync(new NewUserGroup("owls"));
        await provider.GetRequiredKeyedService<IUserGroupService>(OwlServiceCollectionExtensions.HostGroupServiceKey("prod")).CreateGroupAsync(new NewUserGroup("web"));

        Assert.Contains(owl.GetUserGroups(), g => g.Name == "owls");
        Assert.Contains(owl.GetHostGroups(), g => g.Name == "web");
        Assert.DoesNotContain(owl.Journal.Entries, e => e.GetHeader("Authorization") is { } authorization && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(kylin.Journal.Entries);
    }

    [Fact]
    public async Task ANameEndingLikeAnotherClientsLoginClientDoesNotShareItsHttpClient()
    {
        // Once the login client was named after the API client with a suffix, "prod.unauthenticated" was both Owl's API
        // client and JumpServer's login client: JumpServer's login went out with Owl's handlers and Owl's token.
        await using var jumpServer = await JumpServerEmulator.StartAsync();
        await using var owl = await OwlEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddJumpServerClient("prod", o =>
        {
            o.BaseAddress = jumpServer.BaseAddress;
            o.Credentials = JumpServerCredentials.Password(JumpServerEmulator.AdminUsername, JumpServerEmulator.AdminPassword);
        });
        services.AddOwlClient("prod.unauthenticated", o =>
        {
            o.BaseAddress = owl.BaseAddress;
            o.Credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword);
        });
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        await provider.GetRequiredKeyedService<IUserGroupService>("prod.unauthenticated").CreateGroupAsync(new NewUserGroup("owls"));
        await provider.GetRequiredKeyedService<IUserGroupService>("prod").CreateGroupAsync(new NewUserGroup("ops"));

        Assert.Equal(["ops"], jumpServer.GetGroups().Select(g => g.Name));
        Assert.Contains(owl.GetUserGroups(), g => g.Name == "owls");
        var owlTokens = owl.Journal.Entries.Select(e => e.GetHeader("Authorization")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(owlTokens);
        Assert.All(jumpServer.Journal.Entries, e => Assert.False(owlTokens.Contains(e.GetHeader("Authorization") ?? string.Empty), e.ToString()));
        Assert.DoesNotContain(owl.Journal.Entries, e => e.Path.StartsWith("/api/v1/authentication/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnApplicationsOwnClientUnderTheSameNameGetsNoSdkHandlerCredentialOrRetry()
    {
        await using var owl = await OwlEmulator.StartAsync();
        await using var applicationService = await OwlEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddHttpClient("prod", client => client.BaseAddress = applicationService.BaseAddress);
        services.AddOwlClient("prod", o =>
        {
            o.BaseAddress = owl.BaseAddress;
            o.Credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword);
            o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
        });
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await provider.GetRequiredKeyedService<IUserGroupService>("prod").CreateGroupAsync(new NewUserGroup("owls"));
        applicationService.Faults.Enqueue(new EmulatedFault(503) { PathPrefix = "/api/v1/usergroups" }, times: 10);

        using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient("prod").GetAsync(new Uri("api/v1/usergroups", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var sent = Assert.Single(applicationService.Journal.Entries);
        Assert.Null(sent.GetHeader("Authorization"));
        Assert.Contains(owl.GetUserGroups(), g => g.Name == "owls");
    }

    [Fact]
    public async Task TheSdkClientGetsNoHandlerOfTheApplicationsClientUnderTheSameNameSoRetriesDoNotNest()
    {
        await using var owl = await OwlEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddHttpClient("prod").AddHttpMessageHandler(() => new ApplicationHandler());
        services.AddOwlClient("prod", o =>
        {
            o.BaseAddress = owl.BaseAddress;
            o.Credentials = OwlCredentials.Token(owl.IssueToken(OwlEmulator.AdminUsername));
            o.Resilience.MaxRetryAttempts = 2;
            o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
        });
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        owl.Faults.Enqueue(new EmulatedFault(503) { PathPrefix = "/api/v1/usergroups" }, times: 100);

        await Assert.ThrowsAnyAsync<UserGroupApiException>(() => provider.GetRequiredKeyedService<IUserGroupService>("prod").GetGroupAsync("1"));

        Assert.Equal(3, owl.Journal.Entries.Count(e => e.Path.StartsWith("/api/v1/usergroups", StringComparison.Ordinal)));
        Assert.All(owl.Journal.Entries, e => Assert.Null(e.GetHeader(ApplicationHandler.Header)));
    }

    [Fact]
    public async Task HandlersAddedToTheReturnedBuilderRunOnTheSdkClient()
    {
        await using var owl = await OwlEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddOwlClient("prod", o =>
        {
            o.BaseAddress = owl.BaseAddress;
            o.Credentials = OwlCredentials.Token(owl.IssueToken(OwlEmulator.AdminUsername));
        }).AddHttpMessageHandler(() => new ApplicationHandler());
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        await provider.GetRequiredKeyedService<IUserGroupService>("prod").CreateGroupAsync(new NewUserGroup("owls"));

        Assert.All(owl.Journal.Entries, e => Assert.Equal("app", e.GetHeader(ApplicationHandler.Header)));
    }

    [Fact]
    public async Task HandlersAddedToTheReturnedBuilderSeeEachAttemptAlreadyAuthenticated()
    {
        await using var owl = await OwlEmulator.StartAsync();
        var seen = new List<string?>();
        var services = new ServiceCollection();
        services.AddOwlClient("prod", o =>
        {
            o.BaseAddress = owl.BaseAddress;
            o.Credentials = OwlCredentials.Token(owl.IssueToken(OwlEmulator.AdminUsername));
        }).AddHttpMessageHandler(() => new RecordingHandler(seen));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        await provider.GetRequiredKeyedService<IUserGroupService>("prod").FindGroupByNameAsync("owls");

        Assert.NotEmpty(seen);
        Assert.All(seen, authorization => Assert.StartsWith("Bearer ", authorization, StringComparison.Ordinal));
        Assert.Equal(owl.Journal.Entries.Count, seen.Count);
    }

    private sealed class RecordingHandler(List<string?> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add(request.Headers.Authorization?.ToString());
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    private static void Add(IServiceCollection services, string dialect, string name)
    {
        var address = new Uri("http://127.0.0.1:9/");
        _ = dialect switch
        {
            "JumpServer" => services.AddJumpServerClient(name, o => (o.BaseAddress, o.Credentials) = (address, JumpServerCredentials.PrivateToken("jms-private-token-1"))),
            "MinApp" => services.AddMinAppClient(name, o => (o.BaseAddress, o.Credentials) = (address, MinAppCredentials.AccessToken("minapp-access-token-1"))),
            "Kylin" => services.AddKylinClient(name, o => (o.BaseAddress, o.Credentials) = (address, KylinCredentials.Basic("ADMIN", "kylin-password-1"))),
            _ => services.AddOwlClient(name, o => (o.BaseAddress, o.Credentials) = (address, OwlCredentials.Token("owl-jwt-1"))),
        };
    }
}
