using UserGroupClient.Owl;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.IntegrationTests.Credentials;

/// <summary>Owl with an application's own JWT provider.</summary>
public sealed class OwlTokenProviderCredentialsTests
{
    [Fact]
    public async Task AnExpiredJwtIsRenewedThroughTheProviderAndTheCallResent()
    {
        await using var emulator = await OwlEmulator.StartAsync();
        var expired = emulator.IssueToken(OwlEmulator.AdminUsername, TimeSpan.FromTicks(1));
        var tokens = new ScriptedTokenProvider(expired, () => emulator.IssueToken(OwlEmulator.AdminUsername));
        using var client = new OwlClient(new OwlClientOptions { BaseAddress = emulator.BaseAddress, Credentials = OwlCredentials.Token(tokens) });

        var web = await client.AsHostGroupService().CreateGroupAsync(new NewUserGroup("web"));

        Assert.Equal("web", (await client.AsHostGroupService().GetGroupAsync(web.Id)).Name);
        Assert.Equal(1, tokens.Refreshes);
        var sent = emulator.Journal.Entries.ToList();
        Assert.Equal("Bearer " + expired, sent[0].GetHeader("Authorization"));
        Assert.All(sent.Skip(1), e => Assert.NotEqual("Bearer " + expired, e.GetHeader("Authorization")));
    }

    [Fact]
    public void ItsTextShowsNoToken() =>
        Assert.Equal("OwlCredentials.Token(token provider)", OwlCredentials.Token(new ScriptedTokenProvider("provider-token-0042", () => "renewed")).ToString());
}
