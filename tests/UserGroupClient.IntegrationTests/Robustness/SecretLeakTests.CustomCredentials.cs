using System.Globalization;
using System.Text;
using UserGroupClient.Authentication;
using UserGroupClient.IntegrationTests.Credentials;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;
using UserGroupClient.Testing.MinApp;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.IntegrationTests.Robustness;

/// <summary>
/// The same sessions with the pluggable credentials: an Access Key signed by a signer of the application's, and tokens
/// from a provider of the application's, which the SDK never saw configured (for Kylin, through a gateway that takes
/// them and echoes the ones it refuses). No key, token (the first, the renewed
/// ones, the refused ones) or signature appears in anything the SDK reports.
/// </summary>
public sealed partial class SecretLeakTests
{
    [Theory]
    [InlineData("Signature")]
    [InlineData("BearerProvider")]
    public async Task JumpServersPluggableCredentialsStayOutOfEverythingItReports(string kind)
    {
        using var capture = new TelemetryCapture();
        await using var emulator = await JumpServerEmulator.StartAsync();
        var users = new[] { emulator.AddUser("alice", "Alice").Id, emulator.AddUser("bob", "Bob").Id };
        var secrets = new List<string>();
        JumpServerCredentials credentials, wrong;
        if (kind == "Signature")
        {
            var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
            (credentials, wrong) = (
                JumpServerCredentials.Signature(key.Id, HttpMessageSigners.HmacSha256(Encoding.ASCII.GetBytes(key.Secret))),
                JumpServerCredentials.Signature(key.Id, HttpMessageSigners.HmacSha256(Encoding.ASCII.GetBytes("wrong-secret-" + key.Secret))));
            secrets.AddRange([key.Secret, "wrong-secret-" + key.Secret]);
        }
        else
        {
            var first = emulator.IssueBearerToken(JumpServerEmulator.AdminUsername);
            (credentials, wrong) = (
                JumpServerCredentials.Bearer(new ScriptedTokenProvider(first, () => emulator.IssueBearerToken(JumpServerEmulator.AdminUsername))),
                JumpServerCredentials.Bearer(new ScriptedTokenProvider("wrong-provider-token-5521", () => "wrong-provider-token-5521")));
            secrets.AddRange([first, "wrong-provider-token-5521"]);
        }

        JumpServerClientOptions Options(JumpServerCredentials c) => Configure(new JumpServerClientOptions { BaseAddress = emulator.BaseAddress, Credentials = c }, capture);
        using (var client = new JumpServerClient(Options(credentials)))
        {
            capture.Add(client.ToString());
            await RunSessionAsync(client.AsUserGroupService(), emulator.Faults, "/api/v1/users/groups/", users, secrets, capture);
        }

        using (var refused = new JumpServerClient(Options(wrong)))
        {
            await FailsAsync<UserGroupAuthenticationException>(refused.AsUserGroupService(), capture);
        }

        capture.Add(Options(credentials).ToString());
        capture.Add(credentials.ToString());
        capture.Add(wrong.ToString());
        await AssertNoSecretLeakedAsync(capture, secrets, emulator.Journal);
    }

    [Fact]
    public async Task MinAppTokensFromAProviderStayOutOfEverythingItReports()
    {
        using var capture = new TelemetryCapture();
        await using var emulator = await MinAppEmulator.StartAsync();
        var users = new[] { emulator.AddUser("Alice").UserId, emulator.AddUser("Bob").UserId }.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var first = emulator.IssueAccessToken();
        var credentials = MinAppCredentials.AccessToken(new ScriptedTokenProvider(first, emulator.IssueAccessToken));
        var wrong = MinAppCredentials.AccessToken(new ScriptedTokenProvider("wrong-provider-token-5522", () => "wrong-provider-token-5522"));
        var secrets = new List<string> { first, "wrong-provider-token-5522" };

        MinAppClientOptions Options(MinAppCredentials c) => Configure(new MinAppClientOptions { BaseAddress = emulator.BaseAddress, Credentials = c }, capture);
        using (var client = new MinAppClient(Options(credentials)))
        {
            capture.Add(client.ToString());
            await RunSessionAsync(client.AsUserGroupService(), emulator.Faults, "/oserve/", users, secrets, capture);
        }

        using (var refused = new MinAppClient(Options(wrong)))
        {
            await FailsAsync<UserGroupAuthenticationException>(refused.AsUserGroupService(), capture);
        }

        capture.Add(credentials.ToString());
        capture.Add(wrong.ToString());
        await AssertNoSecretLeakedAsync(capture, secrets, emulator.Journal);
    }

    [Fact]
    public async Task KylinTokensFromAProviderStayOutOfEverythingItReports()
    {
        using var capture = new TelemetryCapture();
        await using var emulator = await KylinEmulator.StartAsync();
        emulator.AddUser("alice", "alice-password-6621");
        emulator.AddUser("bob", "bob-password-6621");
        using var gateway = new KylinTokenGateway();
        using var http = new HttpClient(gateway);
        var first = gateway.Issue();
        var credentials = KylinCredentials.Bearer(new ScriptedTokenProvider(first, gateway.Issue));
        var wrong = KylinCredentials.Bearer(new ScriptedTokenProvider("wrong-gateway-token-5526", () => "wrong-gateway-token-5526"));
        var secrets = new List<string> { first, "wrong-gateway-token-5526", KylinEmulator.AdminPassword, "alice-password-6621", "bob-password-6621" };

        KylinClientOptions Options(KylinCredentials c) => Configure(new KylinClientOptions { BaseAddress = emulator.BaseAddress, Credentials = c, Project = "learn_kylin", Flavor = KylinFlavor.Kap3 }, capture);
        using (var client = new KylinClient(Options(credentials), http))
        {
            capture.Add(client.ToString());
            await RunSessionAsync(client.AsUserGroupService(), emulator.Faults, "/kylin/api/", ["alice", "bob"], secrets, capture);
        }

        using (var refused = new KylinClient(Options(wrong), http))
        {
            await FailsAsync<UserGroupAuthenticationException>(refused.AsUserGroupService(), capture);
        }

        capture.Add(credentials.ToString());
        capture.Add(wrong.ToString());
        await AssertNoSecretLeakedAsync(capture, secrets, emulator.Journal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OwlJwtsFromAProviderStayOutOfEverythingItReports(bool hostGroups)
    {
        using var capture = new TelemetryCapture();
        await using var emulator = await OwlEmulator.StartAsync();
        var hosts = new[] { emulator.AddHost("web-1", "10.0.0.1").Id, emulator.AddHost("web-2", "10.0.0.2").Id };
        var users = new[] { emulator.AddUser("alice", "alice-password-3391").Id, emulator.AddUser("bob", "bob-password-3391").Id }.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var first = emulator.IssueToken(OwlEmulator.AdminUsername);
        var credentials = OwlCredentials.Token(new ScriptedTokenProvider(first, () => emulator.IssueToken(OwlEmulator.AdminUsername)));
        var wrong = OwlCredentials.Token(new ScriptedTokenProvider(first[..^6] + "AAAAAA", () => first[..^6] + "AAAAAA"));
        var secrets = new List<string> { first, first[..^6] + "AAAAAA", "alice-password-3391", "bob-password-3391" };

        OwlClientOptions Options(OwlCredentials c) => Configure(new OwlClientOptions { BaseAddress = emulator.BaseAddress, Credentials = c }, capture);
        using (var client = new OwlClient(Options(credentials)))
        {
            capture.Add(client.ToString());
            var service = hostGroups ? client.AsHostGroupService() : client.AsUserGroupService();
            await RunSessionAsync(service, emulator.Faults, "/api/v1/", hostGroups ? hosts : users, secrets, capture);
        }

        using (var refused = new OwlClient(Options(wrong)))
        {
            await FailsAsync<UserGroupAuthenticationException>(hostGroups ? refused.AsHostGroupService() : refused.AsUserGroupService(), capture);
        }

        capture.Add(credentials.ToString());
        capture.Add(wrong.ToString());
        await AssertNoSecretLeakedAsync(capture, secrets, emulator.Journal);
    }
}
