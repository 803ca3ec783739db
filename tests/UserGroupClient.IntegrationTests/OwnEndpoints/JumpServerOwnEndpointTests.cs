using System.Text.Json.Serialization;
using Refit;
using UserGroupClient.JumpServer;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.IntegrationTests.OwnEndpoints;

/// <summary>An endpoint the SDK does not cover, declared by the caller and sent through the client's whole pipeline.</summary>
public sealed class JumpServerOwnEndpointTests
{
    [Fact]
    public async Task AnInterfaceOfYourOwnIsSignedWithTheAccessKeyAndSentToTheClientsOrganization()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var key = jms.AddAccessKey(JumpServerEmulator.AdminUsername);
        jms.AddUser("alice", "Alice");
        using var client = new JumpServerClient(new JumpServerClientOptions { BaseAddress = jms.BaseAddress, Credentials = JumpServerCredentials.AccessKey(key.Id, key.Secret) });

        var users = await client.CreateApi<IJumpServerUsers>(OwnJumpServerJson.Default).ListAsync(limit: 10);

        Assert.Contains(users.Results, user => user.Username == "alice");
        var sent = Assert.Single(jms.Journal.Entries, e => e.Path == "/api/v1/users/users/");
        Assert.StartsWith("Signature keyId=", sent.GetHeader("Authorization"), StringComparison.Ordinal);
        Assert.Equal(JumpServerOrganizations.Default, sent.GetHeader("X-JMS-ORG"));
    }

    [Fact]
    public async Task AMethodThatNamesItsOwnOrganizationKeepsIt()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = new JumpServerClient(new JumpServerClientOptions { BaseAddress = jms.BaseAddress, Credentials = JumpServerCredentials.PrivateToken(jms.AddPrivateToken(JumpServerEmulator.AdminUsername)) });

        await client.CreateApi<IJumpServerUsers>(OwnJumpServerJson.Default).ListInAsync(JumpServerOrganizations.Root, limit: 1);

        Assert.Equal(JumpServerOrganizations.Root, Assert.Single(jms.Journal.Entries).GetHeader("X-JMS-ORG"));
    }

    [Fact]
    public async Task AnErrorOfYourOwnEndpointRaisesTheDialectsException()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = new JumpServerClient(new JumpServerClientOptions { BaseAddress = jms.BaseAddress, Credentials = JumpServerCredentials.PrivateToken(jms.AddPrivateToken(JumpServerEmulator.AdminUsername)) });

        var error = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => client.CreateApi<IJumpServerUsers>(OwnJumpServerJson.Default).GetAsync(Guid.NewGuid().ToString()));

        Assert.Equal("JumpServer", error.Dialect);
        Assert.Equal("object_does_not_exist", error.ErrorCode);
        Assert.Equal("GET", error.RequestMethod);
    }

    [Fact]
    public async Task ADotSegmentInYourOwnPathIsRefusedAndNothingIsSent()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = new JumpServerClient(new JumpServerClientOptions { BaseAddress = jms.BaseAddress, Credentials = JumpServerCredentials.PrivateToken(jms.AddPrivateToken(JumpServerEmulator.AdminUsername)) });

        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateApi<IJumpServerUsers>(OwnJumpServerJson.Default).GetAsync(".."));

        Assert.Empty(jms.Journal.Entries);
    }

    [Fact]
    public async Task AnAnswerLargerThanTheLimitIsRefused()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        for (var i = 0; i < 30; i++)
        {
            jms.AddUser($"user-{i:00}", new string('n', 100));
        }

        using var client = new JumpServerClient(new JumpServerClientOptions
        {
            BaseAddress = jms.BaseAddress,
            Credentials = JumpServerCredentials.PrivateToken(jms.AddPrivateToken(JumpServerEmulator.AdminUsername)),
            MaxResponseContentBytes = 2_000,
        });

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.CreateApi<IJumpServerUsers>(OwnJumpServerJson.Default).ListAsync(limit: 100));

        Assert.Contains("MaxResponseContentBytes", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>The caller's own declaration of JumpServer's users endpoints.</summary>
public interface IJumpServerUsers
{
    [Get("/api/v1/users/users/")]
    Task<OwnUserPage> ListAsync(int limit);

    [Get("/api/v1/users/users/")]
    Task<OwnUserPage> ListInAsync([Header("X-JMS-ORG")] string organization, int limit);

    [Get("/api/v1/users/users/{id}/")]
    Task<OwnUser> GetAsync(string id);
}

public sealed record OwnUserPage(int Count, IReadOnlyList<OwnUser> Results);

public sealed record OwnUser(string Id, string Username, string Name);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(OwnUserPage))]
[JsonSerializable(typeof(OwnUser))]
internal sealed partial class OwnJumpServerJson : JsonSerializerContext;
