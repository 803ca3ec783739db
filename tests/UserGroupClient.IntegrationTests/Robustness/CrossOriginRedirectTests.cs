using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.IntegrationTests.Owl;
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
/// A caller-supplied <see cref="HttpClient"/> with default settings, which follows redirects, and a server that answers
/// with a 307 to another origin (a second loopback server that records what reaches it): credential exchanges never get
/// there, and an API call the caller's client followed there is refused, its answer unread, with no credential on it.
/// </summary>
public sealed class CrossOriginRedirectTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";

    [Theory]
    [InlineData("JumpServer login")]
    [InlineData("Owl login")]
    [InlineData("Owl refresh")]
    [InlineData("MinApp authorize")]
    [InlineData("MinApp token")]
    public async Task ACredentialExchangeRedirectedToAnotherOriginSendsNothingThere(string exchange)
    {
        await using var other = await OtherOriginAsync();
        using var http = new HttpClient();
        switch (exchange)
        {
            case "JumpServer login":
            {
                await using var emulator = await JumpServerEmulator.StartAsync();
                RedirectOnce(emulator.Faults, "/api/v1/authentication/auth/", other);
                using var client = new JumpServerClient(new JumpServerClientOptions { BaseAddress = emulator.BaseAddress, Credentials = JumpServerCredentials.Password(JumpServerEmulator.AdminUsername, JumpServerEmulator.AdminPassword) }, http);

                var error = await Assert.ThrowsAnyAsync<UserGroupApiException>(() => client.AsUserGroupService().GetGroupAsync(GroupId));

                Assert.Equal(307, (int?)error.StatusCode);
                Assert.Contains(emulator.Journal.Entries, entry => entry.Path == "/api/v1/authentication/auth/");
                break;
            }

            case "Owl login" or "Owl refresh":
            {
                var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
                await using var emulator = await OwlEmulator.StartAsync(new OwlEmulatorOptions { TimeProvider = clock, TokenLifetime = TimeSpan.FromHours(1) });
                var group = emulator.AddUserGroup("ops");
                using var client = new OwlClient(new OwlClientOptions { BaseAddress = emulator.BaseAddress, Credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword), TimeProvider = clock }, http);
                var get = () => client.AsUserGroupService().GetGroupAsync(group.Id.ToString(CultureInfo.InvariantCulture));
                if (exchange == "Owl login")
                {
                    RedirectOnce(emulator.Faults, "/api/v1/login", other);
                    var error = await Assert.ThrowsAnyAsync<UserGroupApiException>(get);
                    Assert.Equal(307, (int?)error.StatusCode);
                }
                else
                {
                    // The token nears its end, so the client renews it; the renewal is redirected, so a fresh login follows.
                    await get();
                    clock.Advance(TimeSpan.FromMinutes(58));
                    RedirectOnce(emulator.Faults, "/api/v1/refresh_token", other);

                    Assert.Equal("ops", (await get()).Name);
                    Assert.Equal(["/api/v1/login", "/api/v1/refresh_token", "/api/v1/login"], emulator.Journal.Entries.Select(entry => entry.Path).Where(path => !path.StartsWith("/api/v1/usergroups", StringComparison.Ordinal)));
                }

                break;
            }

            default:
            {
                await using var emulator = await MinAppEmulator.StartAsync();
                var group = emulator.AddUserGroup("ops");
                RedirectOnce(emulator.Faults, exchange == "MinApp authorize" ? "/api/oauth2/hydrogen/openapi/authorize/" : "/api/oauth2/access_token/", other);
                using var client = new MinAppClient(new MinAppClientOptions { BaseAddress = emulator.BaseAddress, Credentials = MinAppCredentials.ClientCredentials(emulator.ClientId, emulator.ClientSecret) }, http);

                var error = await Assert.ThrowsAnyAsync<UserGroupApiException>(() => client.UserGroups.GetAsync(group.Id));

                Assert.DoesNotContain(emulator.ClientSecret, error.ToString(), StringComparison.Ordinal);
                break;
            }
        }

        Assert.Empty(other.Received);
    }

    [Theory]
    [InlineData("JumpServer AccessKey")]
    [InlineData("JumpServer Password")]
    [InlineData("MinApp ClientCredentials")]
    [InlineData("Kylin Basic")]
    [InlineData("Owl Password")]
    public async Task AnApiCallTheCallersClientFollowedToAnotherOriginIsRefusedAndCarriedNoCredential(string kind)
    {
        await using var other = await OtherOriginAsync();
        using var http = new HttpClient();
        var secrets = new List<string>();
        IAsyncDisposable emulator;
        IDisposable client;
        Func<Task> call;
        RequestJournal journal;
        switch (kind)
        {
            case "JumpServer AccessKey" or "JumpServer Password":
            {
                var jumpServer = await JumpServerEmulator.StartAsync();
                var group = jumpServer.AddGroup("ops");
                JumpServerCredentials credentials;
                if (kind == "JumpServer AccessKey")
                {
                    var key = jumpServer.AddAccessKey(JumpServerEmulator.AdminUsername);
                    credentials = JumpServerCredentials.AccessKey(key.Id, key.Secret);
                    secrets.Add(key.Secret);
                }
                else
                {
                    credentials = JumpServerCredentials.Password(JumpServerEmulator.AdminUsername, JumpServerEmulator.AdminPassword);
                    secrets.Add(JumpServerEmulator.AdminPassword);
                }

                RedirectOnce(jumpServer.Faults, "/api/v1/users/groups/", other);
                var jumpServerClient = new JumpServerClient(new JumpServerClientOptions { BaseAddress = jumpServer.BaseAddress, Credentials = credentials }, http);
                (emulator, journal, client, call) = (jumpServer, jumpServer.Journal, jumpServerClient, () => jumpServerClient.AsUserGroupService().GetGroupAsync(group.Id));
                break;
            }

            case "MinApp ClientCredentials":
            {
                var minApp = await MinAppEmulator.StartAsync();
                var group = minApp.AddUserGroup("ops");
                secrets.Add(minApp.ClientSecret);
                RedirectOnce(minApp.Faults, "/oserve/v1/user-group/", other);
                var minAppClient = new MinAppClient(new MinAppClientOptions { BaseAddress = minApp.BaseAddress, Credentials = MinAppCredentials.ClientCredentials(minApp.ClientId, minApp.ClientSecret) }, http);
                (emulator, journal, client, call) = (minApp, minApp.Journal, minAppClient, () => minAppClient.UserGroups.GetAsync(group.Id));
                break;
            }

            case "Kylin Basic":
            {
                var kylin = await KylinEmulator.StartAsync();
                kylin.AddGroup("ops");
                secrets.Add(KylinEmulator.AdminPassword);
                RedirectOnce(kylin.Faults, "/kylin/api/user_group/", other);
                var kylinClient = new KylinClient(new KylinClientOptions { BaseAddress = kylin.BaseAddress, Credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword), Project = "learn_kylin" }, http);
                (emulator, journal, client, call) = (kylin, kylin.Journal, kylinClient, () => kylinClient.AsUserGroupService().GetGroupAsync("ops"));
                break;
            }

            default:
            {
                var owl = await OwlEmulator.StartAsync();
                var group = owl.AddUserGroup("ops");
                secrets.Add(OwlEmulator.AdminPassword);
                RedirectOnce(owl.Faults, "/api/v1/usergroups", other);
                var owlClient = new OwlClient(new OwlClientOptions { BaseAddress = owl.BaseAddress, Credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword) }, http);
                (emulator, journal, client, call) = (owl, owl.Journal, owlClient, () => owlClient.AsUserGroupService().GetGroupAsync(group.Id.ToString(CultureInfo.InvariantCulture)));
                break;
            }
        }

        await using (emulator)
        {
            using (client)
            {
                var error = await Assert.ThrowsAnyAsync<UserGroupApiException>(call);

                Assert.Contains("redirect", error.Message, StringComparison.OrdinalIgnoreCase);
                Assert.Contains(other.BaseAddress.GetLeftPart(UriPartial.Authority), error.Message, StringComparison.Ordinal);
                Assert.Equal(journal.Entries[^1].Path, error.RequestUri?.AbsolutePath);
                Assert.Null(error.StatusCode);
            }

            // The caller's client did send the call there, but without the Authorization header, so neither a signature
            // nor a token nor a password went along; what the client had sent to the real server tells what to look for.
            var redirected = Assert.Single(other.Received);
            Assert.False(redirected.Headers.ContainsKey("Authorization"), redirected.ToString());
            secrets.AddRange(journal.Entries.Select(entry => entry.Headers.GetValueOrDefault("Authorization")).OfType<string>().SelectMany(value => value.Split([' ', ',', '"', '='], StringSplitOptions.RemoveEmptyEntries)).Where(part => part.Length >= 16));
            Assert.NotEmpty(secrets);
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, redirected.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("JumpServer")]
    [InlineData("MinApp")]
    [InlineData("Owl")]
    public async Task CredentialExchangesBypassTheCallersClientAndApiCallsUseIt(string dialect)
    {
        var seen = new List<string>();
        using var http = new HttpClient(new BeforeSendHandler(request =>
        {
            lock (seen)
            {
                seen.Add(request.RequestUri!.AbsolutePath);
            }

            return Task.CompletedTask;
        }));
        IReadOnlyList<string> exchanged;
        switch (dialect)
        {
            case "JumpServer":
            {
                await using var emulator = await JumpServerEmulator.StartAsync();
                var group = emulator.AddGroup("ops");
                using var client = new JumpServerClient(new JumpServerClientOptions { BaseAddress = emulator.BaseAddress, Credentials = JumpServerCredentials.Password(JumpServerEmulator.AdminUsername, JumpServerEmulator.AdminPassword) }, http);
                await client.AsUserGroupService().GetGroupAsync(group.Id);
                exchanged = [.. emulator.Journal.Entries.Select(entry => entry.Path)];
                break;
            }

            case "MinApp":
            {
                await using var emulator = await MinAppEmulator.StartAsync();
                var group = emulator.AddUserGroup("ops");
                using var client = new MinAppClient(new MinAppClientOptions { BaseAddress = emulator.BaseAddress, Credentials = MinAppCredentials.ClientCredentials(emulator.ClientId, emulator.ClientSecret) }, http);
                await client.UserGroups.GetAsync(group.Id);
                exchanged = [.. emulator.Journal.Entries.Select(entry => entry.Path)];
                break;
            }

            default:
            {
                await using var emulator = await OwlEmulator.StartAsync();
                var group = emulator.AddUserGroup("ops");
                using var client = new OwlClient(new OwlClientOptions { BaseAddress = emulator.BaseAddress, Credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword) }, http);
                await client.AsUserGroupService().GetGroupAsync(group.Id.ToString(CultureInfo.InvariantCulture));
                exchanged = [.. emulator.Journal.Entries.Select(entry => entry.Path)];
                break;
            }
        }

        // The server saw the credential exchanges first, then the API calls; the caller's client carried only the latter.
        Assert.NotEmpty(seen);
        Assert.Equal(exchanged.Skip(exchanged.Count - seen.Count), seen);
        Assert.All(exchanged.Take(exchanged.Count - seen.Count), path => Assert.Matches("^/api/(v1/authentication/auth/|v1/login|oauth2/)", path));
        Assert.NotEqual(exchanged.Count, seen.Count);
    }

    /// <summary>The other origin: answers every request as a server that accepted it would, so a client that used the answer would carry on.</summary>
    private static async Task<HostileServer> OtherOriginAsync()
    {
        var other = await HostileServer.StartAsync();
        other.On("/api/v1/authentication/auth/", HostileServer.Json("""{"token": "other-origin-token-0123", "keyword": "Bearer", "date_expired": "2099-01-01T00:00:00Z"}""", 201));
        other.On("/api/v1/login", HostileServer.Json("""{"token": "other-origin-token-0123", "expire": "2099-01-01T00:00:00Z"}"""));
        other.On("/api/v1/refresh_token", HostileServer.Json("""{"token": "other-origin-token-0123", "expire": "2099-01-01T00:00:00Z"}"""));
        other.On("/api/oauth2/hydrogen/openapi/authorize/", HostileServer.Json("""{"code": "other-origin-code-0123", "expires_in": 600}"""));
        other.On("/api/oauth2/access_token/", HostileServer.Json("""{"access_token": "other-origin-token-0123", "token_type": "Bearer", "expires_in": 3600, "refresh_token": "other-origin-refresh-0123", "scope": "write"}"""));
        other.Otherwise(HostileServer.Json($$$"""{"id": "{{{GroupId}}}", "name": "ops", "comment": "", "users": [], "code": 200, "data": {"id": 1, "name": "ops"}}"""));
        return other;
    }

    /// <summary>Answers the next request under <paramref name="pathPrefix"/> with a 307 to the same path on <paramref name="other"/>.</summary>
    private static void RedirectOnce(FaultInjector faults, string pathPrefix, HostileServer other) =>
        faults.Enqueue(new EmulatedFault(307)
        {
            PathPrefix = pathPrefix,
            Headers = new Dictionary<string, string> { ["Location"] = new Uri(other.BaseAddress, pathPrefix.TrimStart('/')).AbsoluteUri },
        });
}
