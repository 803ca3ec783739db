using UserGroupClient.MinApp;
using UserGroupClient.Testing.MinApp;

namespace UserGroupClient.IntegrationTests.Credentials;

/// <summary>MinApp with an application's own access-token provider.</summary>
public sealed class MinAppTokenProviderCredentialsTests
{
    [Fact]
    public async Task ARevokedTokenIsRenewedThroughTheProviderAndTheCallResent()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        var tokens = new ScriptedTokenProvider(emulator.IssueAccessToken(), emulator.IssueAccessToken);
        using var client = new MinAppClient(new MinAppClientOptions { BaseAddress = emulator.BaseAddress, Credentials = MinAppCredentials.AccessToken(tokens) });
        var first = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("ops"));

        emulator.RevokeAccessTokens();
        var second = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("dev"));

        Assert.Equal(1, tokens.Refreshes);
        Assert.Equal(["ops", "dev"], (await client.AsUserGroupService().ListGroupsAsync().ToListAsync()).Select(g => g.Name).Order().Reverse());
        Assert.NotEqual(first.Id, second.Id);
        var authorizations = emulator.Journal.Entries.Select(e => e.GetHeader("Authorization")).Distinct().ToList();
        Assert.Equal(2, authorizations.Count);
        Assert.Contains(emulator.Journal.Entries, e => e.StatusCode == 401);
    }

    [Fact]
    public void ItsTextShowsNoToken() =>
        Assert.Equal("MinAppCredentials.AccessToken(token provider)", MinAppCredentials.AccessToken(new ScriptedTokenProvider("provider-token-0042", () => "renewed")).ToString());
}
