using System.Globalization;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;
using UserGroupClient.Testing.MinApp;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.IntegrationTests.Robustness;

/// <summary>
/// The same sessions through a caller-supplied <see cref="HttpClient"/> with default settings, which follows redirects,
/// and then redirects to another origin (a second loopback server) of a credential exchange and of an API call: no
/// secret appears in anything the SDK reports, nor in anything that reached the other origin.
/// </summary>
public sealed partial class SecretLeakTests
{
    [Theory]
    [InlineData("JumpServer", "AccessKey")]
    [InlineData("JumpServer", "Password")]
    [InlineData("MinApp", "ClientCredentials")]
    [InlineData("Kylin", "Basic")]
    [InlineData("Owl", "Password")]
    public async Task ACallersHttpClientThatFollowsRedirectsLeaksNoCredential(string dialect, string kind)
    {
        using var capture = new TelemetryCapture();
        await using var other = await HostileServer.StartAsync();
        other.Otherwise(HostileServer.Json("""{"token": "other-origin-token-0123", "access_token": "other-origin-token-0123", "expire": "2099-01-01T00:00:00Z"}"""));
        using var http = new HttpClient();
        var session = await CallerSessionAsync(dialect, kind, http, capture);
        await using (session.Emulator)
        {
            using (session.Client)
            {
                capture.Add(session.Client.ToString()!);
                await RunSessionAsync(session.Service, session.Faults, session.ApiPrefix, session.Members, session.Secrets, capture);
                var group = await session.Service.CreateGroupAsync(new NewUserGroup("redirected"));

                // A 401 makes the client log in or renew its token again, and that exchange meets a 307 to the other origin.
                if (session.ExchangePath is { } exchange)
                {
                    session.Faults.Enqueue(new EmulatedFault(401) { PathPrefix = session.ApiPrefix, ContentType = "application/json", Body = JsonEcho(session.Secrets) });
                    session.Faults.Enqueue(Redirect(exchange, other));
                    await CaptureAsync(() => session.Service.GetGroupAsync(group.Id), capture);
                    Assert.Contains(session.Journal.Entries, entry => entry.Path == exchange && entry.StatusCode == 307);
                    session.Faults.Clear();
                }

                // An API call the caller's client follows to the other origin.
                session.Faults.Enqueue(Redirect(session.ApiPrefix, other));
                var redirected = await Assert.ThrowsAnyAsync<UserGroupApiException>(() => session.Service.GetGroupAsync(group.Id));
                capture.Add(redirected);
            }
        }

        capture.Add(session.Options.ToString()!);
        await AssertNoSecretLeakedAsync(capture, session.Secrets, session.Journal);

        var received = Assert.Single(other.Received);
        Assert.StartsWith(session.ApiPrefix, received.PathAndQuery, StringComparison.Ordinal);
        foreach (var secret in session.Secrets.Where(s => s.Length >= 6))
        {
            Assert.False(received.ToString().Contains(secret, StringComparison.Ordinal), $"a secret ({secret[..3]}…) reached the other origin: {received}");
        }
    }

    private static EmulatedFault Redirect(string pathPrefix, HostileServer other) =>
        new(307) { PathPrefix = pathPrefix, Headers = new Dictionary<string, string> { ["Location"] = new Uri(other.BaseAddress, pathPrefix.TrimStart('/')).AbsoluteUri } };

    private static async Task<CallerSession> CallerSessionAsync(string dialect, string kind, HttpClient http, TelemetryCapture capture)
    {
        switch (dialect)
        {
            case "JumpServer":
            {
                var emulator = await JumpServerEmulator.StartAsync();
                var members = new[] { emulator.AddUser("alice", "Alice").Id, emulator.AddUser("bob", "Bob").Id };
                var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
                var credentials = kind == "AccessKey"
                    ? JumpServerCredentials.AccessKey(key.Id, key.Secret)
                    : JumpServerCredentials.Password(JumpServerEmulator.AdminUsername, JumpServerEmulator.AdminPassword);
                var options = Configure(new JumpServerClientOptions { BaseAddress = emulator.BaseAddress, Credentials = credentials }, capture);
                var client = new JumpServerClient(options, http);
                return new CallerSession(emulator, emulator.Faults, emulator.Journal, options, client, client.AsUserGroupService(), "/api/v1/users/groups/", members,
                    [key.Secret, JumpServerEmulator.AdminPassword], kind == "Password" ? "/api/v1/authentication/auth/" : null);
            }

            case "MinApp":
            {
                var emulator = await MinAppEmulator.StartAsync();
                var members = new[] { emulator.AddUser("Alice").UserId, emulator.AddUser("Bob").UserId }.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
                var options = Configure(new MinAppClientOptions { BaseAddress = emulator.BaseAddress, Credentials = MinAppCredentials.ClientCredentials(emulator.ClientId, emulator.ClientSecret) }, capture);
                var client = new MinAppClient(options, http);
                return new CallerSession(emulator, emulator.Faults, emulator.Journal, options, client, client.AsUserGroupService(), "/oserve/", members,
                    [emulator.ClientSecret], "/api/oauth2/access_token/");
            }

            case "Kylin":
            {
                var emulator = await KylinEmulator.StartAsync();
                emulator.AddUser("alice", "alice-password-6620");
                emulator.AddUser("bob", "bob-password-6620");
                var options = Configure(new KylinClientOptions { BaseAddress = emulator.BaseAddress, Credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword), Project = "learn_kylin" }, capture);
                var client = new KylinClient(options, http);
                return new CallerSession(emulator, emulator.Faults, emulator.Journal, options, client, client.AsUserGroupService(), "/kylin/api/", ["alice", "bob"],
                    [KylinEmulator.AdminPassword, "alice-password-6620", "bob-password-6620"], null);
            }

            default:
            {
                var emulator = await OwlEmulator.StartAsync();
                var members = new[] { emulator.AddUser("alice", "alice-password-3390").Id, emulator.AddUser("bob", "bob-password-3390").Id }.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
                var options = Configure(new OwlClientOptions { BaseAddress = emulator.BaseAddress, Credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword) }, capture);
                var client = new OwlClient(options, http);
                return new CallerSession(emulator, emulator.Faults, emulator.Journal, options, client, client.AsUserGroupService(), "/api/v1/usergroups", members,
                    [OwlEmulator.AdminPassword, "alice-password-3390", "bob-password-3390"], "/api/v1/refresh_token");
            }
        }
    }

    /// <summary>One client over a caller's <see cref="HttpClient"/> and the emulator it talks to.</summary>
    private sealed record CallerSession(
        IAsyncDisposable Emulator,
        FaultInjector Faults,
        RequestJournal Journal,
        UserGroupClientOptions Options,
        IDisposable Client,
        IUserGroupService Service,
        string ApiPrefix,
        IReadOnlyList<string> Members,
        List<string> Secrets,
        string? ExchangePath);
}
