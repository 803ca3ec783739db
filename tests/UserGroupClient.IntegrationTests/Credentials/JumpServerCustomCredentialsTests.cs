using System.Security.Cryptography;
using System.Text;
using UserGroupClient.Authentication;
using UserGroupClient.JumpServer;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.IntegrationTests.Credentials;

/// <summary>JumpServer with an application's own token provider, and with an Access Key whose signer is the application's.</summary>
public sealed class JumpServerCustomCredentialsTests
{
    [Fact]
    public async Task ATokenProvidersRejectedTokenIsRenewedThroughItAndTheCallResent()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var tokens = new ScriptedTokenProvider("expired-or-unknown-token-4410", () => emulator.IssueBearerToken(JumpServerEmulator.AdminUsername));
        using var client = new JumpServerClient(new JumpServerClientOptions { BaseAddress = emulator.BaseAddress, Credentials = JumpServerCredentials.Bearer(tokens) });

        var ops = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("ops"));

        Assert.Equal("ops", (await client.UserGroups.GetAsync(ops.Id)).Name);
        Assert.Equal(1, tokens.Refreshes);
        var sent = emulator.Journal.Entries.Select(e => (e.StatusCode, e.GetHeader("Authorization"))).ToList();
        Assert.Equal((401, "Bearer expired-or-unknown-token-4410"), sent[0]);
        Assert.All(sent.Skip(1), request => Assert.Equal(200, request.StatusCode / 100 * 100));
        Assert.All(sent.Skip(1), request => Assert.StartsWith("Bearer ", request.Item2, StringComparison.Ordinal));
        Assert.DoesNotContain(sent.Skip(1), request => request.Item2!.Contains("4410", StringComparison.Ordinal));
    }

    // No pattern finds a bare token in free text; the client knows a provider's tokens only by recording each one.
    [Fact]
    public async Task AProvidersTokenEchoedBareByTheServerIsMaskedInTheException()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var token = emulator.IssueBearerToken(JumpServerEmulator.AdminUsername);
        var tokens = new ScriptedTokenProvider(token, () => token);
        using var client = new JumpServerClient(new JumpServerClientOptions { BaseAddress = emulator.BaseAddress, Credentials = JumpServerCredentials.Bearer(tokens) });
        emulator.Faults.Enqueue(new EmulatedFault(400) { PathPrefix = "/api/v1/users/groups/", ContentType = "application/json", Body = $$"""{"detail": "session {{token}} cannot create groups"}""" });

        var refused = await Assert.ThrowsAsync<UserGroupValidationException>(() => client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("ops")));

        Assert.Contains("session *** cannot create groups", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAccessKeySignedByTheApplicationsOwnSignerIsAcceptedAsTheSecretsIs()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
        using var vault = new VaultHmacSigner(key.Secret);
        using var client = new JumpServerClient(new JumpServerClientOptions { BaseAddress = emulator.BaseAddress, Credentials = JumpServerCredentials.Signature(key.Id, vault) });

        var ops = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("ops"));
        await client.AsUserGroupService().DeleteGroupAsync(ops.Id);

        Assert.Equal(emulator.Journal.Entries.Count, vault.Signatures);
        Assert.Empty(await client.AsUserGroupService().ListGroupsAsync().ToListAsync());
        Assert.All(emulator.Journal.Entries, e => Assert.StartsWith(
            $"Signature keyId=\"{key.Id}\",algorithm=\"hmac-sha256\",headers=\"(request-target) accept date x-jms-org\",signature=\"",
            e.GetHeader("Authorization"),
            StringComparison.Ordinal));
        Assert.All(emulator.Journal.Entries, e => Assert.True(e.StatusCode is >= 200 and < 300, e.ToString()));
    }

    [Fact]
    public void ASignerJumpServerCannotVerifyIsRefusedBeforeAnythingIsSent()
    {
        using var ed25519 = HttpMessageSigners.Ed25519(new byte[32]);

        var refused = Assert.Throws<ArgumentException>(() => JumpServerCredentials.Signature("2a5b0e9c-1111-4222-8333-944455556666", ed25519));

        Assert.Equal("signer", refused.ParamName);
        Assert.Contains("\"hs2019\"", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheirTextNamesTheKindAndTheKeyIdButNoSecret()
    {
        using var vault = new VaultHmacSigner("vault-held-secret-0042");
        var tokens = new ScriptedTokenProvider("provider-token-0042", () => "renewed-token-0042");

        Assert.Equal("JumpServerCredentials.Signature(2a5b0e9c-1111-4222-8333-944455556666, ***)", JumpServerCredentials.Signature("2a5b0e9c-1111-4222-8333-944455556666", vault).ToString());
        Assert.Equal("JumpServerCredentials.Bearer(token provider)", JumpServerCredentials.Bearer(tokens).ToString());
    }

    /// <summary>An HMAC computed where the secret lives (a vault or an HSM, here in memory), counting its signatures.</summary>
    private sealed class VaultHmacSigner(string secret) : HttpMessageSigner("hmac-sha256", HMACSHA256.HashSizeInBytes)
    {
        public int Signatures { get; private set; }

        public override bool TrySign(ReadOnlySpan<byte> signatureBase, Span<byte> destination, out int bytesWritten)
        {
            Signatures++;
            bytesWritten = HMACSHA256.HashData(Encoding.ASCII.GetBytes(secret), signatureBase, destination);
            return true;
        }
    }
}
