using System.Net;
using UserGroupClient.Kylin;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.IntegrationTests.Credentials;

/// <summary>
/// Kylin with an application's own bearer tokens: through a gateway that takes them, and straight at a Kylin server,
/// which takes HTTP Basic only.
/// </summary>
public sealed class KylinTokenProviderCredentialsTests
{
    [Fact]
    public async Task AKylinBehindATokenGatewayIsReachedWithTheProvidersTokensAndARefusedOneIsRenewed()
    {
        await using var emulator = await KylinEmulator.StartAsync();
        using var gateway = new KylinTokenGateway();
        using var http = new HttpClient(gateway);
        var tokens = new ScriptedTokenProvider("kylin-token-the-gateway-never-issued", gateway.Issue);
        using var client = new KylinClient(new KylinClientOptions { BaseAddress = emulator.BaseAddress, Credentials = KylinCredentials.Bearer(tokens), Project = "learn_kylin", Flavor = KylinFlavor.Kap3 }, http);

        var ops = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("ops"));

        Assert.Equal("ops", (await client.AsUserGroupService().GetGroupAsync(ops.Id)).Name);
        Assert.Equal(1, tokens.Refreshes);
        Assert.All(emulator.Journal.Entries, entry => Assert.StartsWith("Basic ", entry.GetHeader("Authorization"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AKylinReachedDirectlyRefusesABearerTokenAsAnAuthenticationError()
    {
        await using var emulator = await KylinEmulator.StartAsync();
        var tokens = new ScriptedTokenProvider("kylin-provider-token-7731", () => "kylin-provider-token-7732");
        using var client = new KylinClient(new KylinClientOptions { BaseAddress = emulator.BaseAddress, Credentials = KylinCredentials.Bearer(tokens), Project = "learn_kylin" });

        var refused = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => client.AsUserGroupService().GetGroupAsync("ops"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(1, tokens.Refreshes);
        var sent = emulator.Journal.Entries.Where(e => e.GetHeader("Authorization") is not null).Select(e => e.GetHeader("Authorization")).ToList();
        Assert.Equal(["Bearer kylin-provider-token-7731", "Bearer kylin-provider-token-7732"], sent);
        Assert.DoesNotContain("kylin-provider-token-773", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ItsTextShowsNoToken() =>
        Assert.Equal("KylinCredentials.Bearer(token provider)", KylinCredentials.Bearer(new ScriptedTokenProvider("kylin-provider-token-7733", () => "renewed")).ToString());
}
