using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;
using UserGroupClient.Testing.Kylin;
using UserGroupClient.Testing.MinApp;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.IntegrationTests.OwnEndpoints;

/// <summary>Each dialect's client sends a caller's own Refit interface with its authentication, headers and exceptions.</summary>
public sealed class OtherDialectsOwnEndpointTests
{
    [Fact]
    public async Task MinAppSendsYourInterfaceWithTheTokenItObtainedAndTheEnvironment()
    {
        await using var minApp = await MinAppEmulator.StartAsync();
        var group = minApp.AddUserGroup("ops");
        using var client = new MinAppClient(new MinAppClientOptions
        {
            BaseAddress = minApp.BaseAddress,
            Credentials = MinAppCredentials.ClientCredentials(minApp.ClientId, minApp.ClientSecret),
            EnvironmentId = "test-env",
        });

        var read = await client.CreateApi<IMinAppOwnGroups>(OwnEndpointJson.Default).GetAsync(group.Id);

        Assert.Equal("ops", read.Name);
        var sent = minApp.Journal.Entries[^1];
        Assert.StartsWith("Bearer ", sent.GetHeader("Authorization"), StringComparison.Ordinal);
        Assert.Equal("test-env", sent.GetHeader("X-Hydrogen-Env-ID"));
    }

    [Fact]
    public async Task MinAppRaisesItsNotFoundForYourEndpoint()
    {
        await using var minApp = await MinAppEmulator.StartAsync();
        using var client = new MinAppClient(new MinAppClientOptions { BaseAddress = minApp.BaseAddress, Credentials = MinAppCredentials.ClientCredentials(minApp.ClientId, minApp.ClientSecret) });

        var error = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => client.CreateApi<IMinAppOwnGroups>(OwnEndpointJson.Default).GetAsync(987654));

        Assert.Equal("MinApp", error.Dialect);
    }

    [Fact]
    public async Task KylinSendsYourInterfaceWithBasicAndTheV2MediaTypeUnderItsApiRoot()
    {
        await using var kylin = await KylinEmulator.StartAsync();
        kylin.AddGroup("analysts");
        using var client = new KylinClient(new KylinClientOptions { BaseAddress = kylin.BaseAddress, Credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword), Project = "learn_kylin" });

        var answer = await client.CreateApi<IKylinOwnGroups>(OwnEndpointJson.Default).ListAsync("learn_kylin");

        Assert.Equal("000", answer.Code);
        Assert.Contains("analysts", answer.Data.GetRawText(), StringComparison.Ordinal);
        var sent = Assert.Single(kylin.Journal.Entries);
        Assert.Equal("/kylin/api/user_group/groups", sent.Path);
        Assert.StartsWith("Basic ", sent.GetHeader("Authorization"), StringComparison.Ordinal);
        Assert.Equal("application/vnd.apache.kylin-v2+json", sent.GetHeader("Accept"));
    }

    [Fact]
    public async Task KylinRaisesItsExceptionForAnErrorOfYourEndpoint()
    {
        await using var kylin = await KylinEmulator.StartAsync();
        using var client = new KylinClient(new KylinClientOptions { BaseAddress = kylin.BaseAddress, Credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, "wrong-password"), Project = "learn_kylin" });

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => client.CreateApi<IKylinOwnGroups>(OwnEndpointJson.Default).ListAsync("learn_kylin"));

        Assert.Equal("Kylin", error.Dialect);
        Assert.DoesNotContain("wrong-password", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwlSendsYourInterfaceWithTheTokenOfItsLogin()
    {
        await using var owl = await OwlEmulator.StartAsync();
        owl.AddUser("dave");
        using var client = new OwlClient(new OwlClientOptions { BaseAddress = owl.BaseAddress, Credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword) });

        var answer = await client.CreateApi<IOwlOwnUsers>(OwnEndpointJson.Default).ListAsync();

        Assert.Equal(200, answer.Code);
        Assert.Contains("dave", answer.Users.GetRawText(), StringComparison.Ordinal);
        var sent = owl.Journal.Entries[^1];
        Assert.Equal("/api/v1/users", sent.Path);
        Assert.StartsWith("Bearer ", sent.GetHeader("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwlRaisesTheSdksExceptionForAnAddressItDoesNotServe()
    {
        await using var owl = await OwlEmulator.StartAsync();
        using var client = new OwlClient(new OwlClientOptions { BaseAddress = owl.BaseAddress, Credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword) });

        var error = await Assert.ThrowsAnyAsync<UserGroupApiException>(() => client.CreateApi<IOwlOwnUsers>(OwnEndpointJson.Default).MissingAsync());

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("Owl", error.Dialect);
    }
}

/// <summary>A caller's own declaration of MinApp's user-group detail.</summary>
public interface IMinAppOwnGroups
{
    [Get("/oserve/v1/user-group/{id}/")]
    Task<OwnNamed> GetAsync(long id);
}

/// <summary>A caller's own declaration of Kylin's group list, relative to the API root.</summary>
public interface IKylinOwnGroups
{
    [Get("/user_group/groups")]
    Task<OwnKylinEnvelope> ListAsync(string project);
}

/// <summary>A caller's own declaration of Owl's user list.</summary>
public interface IOwlOwnUsers
{
    [Get("/api/v1/users")]
    Task<OwnOwlEnvelope> ListAsync();

    [Get("/api/v1/no-such-resource")]
    Task<OwnOwlEnvelope> MissingAsync();
}

public sealed record OwnNamed(long Id, string Name);

public sealed record OwnKylinEnvelope(string Code, JsonElement Data, string? Msg);

public sealed record OwnOwlEnvelope(int Code, JsonElement Users);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(OwnNamed))]
[JsonSerializable(typeof(OwnKylinEnvelope))]
[JsonSerializable(typeof(OwnOwlEnvelope))]
internal sealed partial class OwnEndpointJson : JsonSerializerContext;
