using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using UserGroupClient.IntegrationTests.MinApp;
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
/// A realistic session per dialect and credential kind, failures included (a wrong password or key, a 401, a 500 whose
/// body echoes the credential, an HTML error page doing the same), with logging at Trace level, every span of the
/// "UserGroupClient" source, every exception's message and <c>ToString()</c>, and the options' and credentials'
/// <c>ToString()</c> captured. No password, secret, token, JWT, OAuth code, Basic credential or signature may appear
/// in any of it. The secrets checked are the configured ones and every one the journal shows on the wire
/// (Authorization headers, login, token and refresh bodies), so tokens issued during the session are covered too.
/// </summary>
public sealed partial class SecretLeakTests
{
    private static readonly string[] SecretFields = ["password", "client_secret", "code", "refresh_token", "access_token", "token", "secret"];

    [Theory]
    [InlineData("AccessKey")]
    [InlineData("Bearer")]
    [InlineData("PrivateToken")]
    [InlineData("Password")]
    public async Task JumpServerKeepsItsCredentialsOutOfEverythingItReports(string kind)
    {
        using var capture = new TelemetryCapture();
        await using var emulator = await JumpServerEmulator.StartAsync();
        var users = new[] { emulator.AddUser("alice", "Alice").Id, emulator.AddUser("bob", "Bob").Id };
        var secrets = new List<string>();
        JumpServerCredentials credentials, wrong;
        switch (kind)
        {
            case "AccessKey":
                var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
                (credentials, wrong) = (JumpServerCredentials.AccessKey(key.Id, key.Secret), JumpServerCredentials.AccessKey(key.Id, "wrong-secret-" + key.Secret));
                secrets.AddRange([key.Secret, "wrong-secret-" + key.Secret]);
                break;
            case "Bearer":
                var bearer = emulator.IssueBearerToken(JumpServerEmulator.AdminUsername);
                (credentials, wrong) = (JumpServerCredentials.Bearer(bearer), JumpServerCredentials.Bearer("wrong-bearer-token-0123456789"));
                secrets.AddRange([bearer, "wrong-bearer-token-0123456789"]);
                break;
            case "PrivateToken":
                var token = emulator.AddPrivateToken(JumpServerEmulator.AdminUsername);
                (credentials, wrong) = (JumpServerCredentials.PrivateToken(token), JumpServerCredentials.PrivateToken("wrong-private-token-0123456789"));
                secrets.AddRange([token, "wrong-private-token-0123456789"]);
                break;
            default:
                (credentials, wrong) = (JumpServerCredentials.Password(JumpServerEmulator.AdminUsername, JumpServerEmulator.AdminPassword), JumpServerCredentials.Password(JumpServerEmulator.AdminUsername, "wrong-password-7781"));
                secrets.AddRange([JumpServerEmulator.AdminPassword, "wrong-password-7781"]);
                break;
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

    [Theory]
    [InlineData("ClientCredentials")]
    [InlineData("AccessToken")]
    public async Task MinAppKeepsItsCredentialsOutOfEverythingItReports(string kind)
    {
        using var capture = new TelemetryCapture();
        await using var emulator = await MinAppEmulator.StartAsync();
        var users = new[] { emulator.AddUser("Alice").UserId, emulator.AddUser("Bob").UserId }.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var secrets = new List<string> { emulator.ClientSecret, "wrong-client-secret-5512" };
        MinAppCredentials credentials, wrong;
        if (kind == "ClientCredentials")
        {
            (credentials, wrong) = (MinAppCredentials.ClientCredentials(emulator.ClientId, emulator.ClientSecret), MinAppCredentials.ClientCredentials(emulator.ClientId, "wrong-client-secret-5512"));
        }
        else
        {
            var token = emulator.IssueAccessToken();
            (credentials, wrong) = (MinAppCredentials.AccessToken(token), MinAppCredentials.AccessToken("wrong-access-token-5512"));
            secrets.AddRange([token, "wrong-access-token-5512"]);
        }

        MinAppClientOptions Options(MinAppCredentials c) => Configure(new MinAppClientOptions { BaseAddress = emulator.BaseAddress, Credentials = c }, capture);
        using (var client = new MinAppClient(Options(credentials)))
        {
            capture.Add(client.ToString());
            await RunSessionAsync(client.AsUserGroupService(), emulator.Faults, "/oserve/", users, secrets, capture);
            if (kind == "ClientCredentials")
            {
                // A refresh refused by a body that echoes the token forms sent so far, client secret and codes included.
                emulator.RevokeAccessTokens();
                var echo = new JsonObject { ["error"] = "invalid_client", ["error_description"] = string.Join("\r\n", emulator.Journal.Entries.Where(e => e.Path == "/api/oauth2/access_token/").Select(e => e.Body)) };
                emulator.Faults.Enqueue(new EmulatedFault(400) { PathPrefix = "/api/oauth2/access_token/", ContentType = "application/json", Body = echo.ToJsonString() });
                var refused = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => client.AsUserGroupService().GetGroupAsync("1"));
                Assert.Contains("name=\"client_secret\"", refused.ServerMessage, StringComparison.Ordinal);
                capture.Add(refused);
            }
        }

        using (var refused = new MinAppClient(Options(wrong)))
        {
            await FailsAsync<UserGroupAuthenticationException>(refused.AsUserGroupService(), capture);
        }

        capture.Add(Options(credentials).ToString());
        capture.Add(credentials.ToString());
        capture.Add(wrong.ToString());
        await AssertNoSecretLeakedAsync(capture, secrets, emulator.Journal);
    }

    [Fact]
    public async Task KylinKeepsItsBasicCredentialsOutOfEverythingItReports()
    {
        using var capture = new TelemetryCapture();
        await using var emulator = await KylinEmulator.StartAsync();
        emulator.AddUser("alice", "alice-password-6620");
        emulator.AddUser("bob", "bob-password-6620");
        var credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword);
        var wrong = KylinCredentials.Basic(KylinEmulator.AdminUsername, "wrong-password-6620");
        var secrets = new List<string> { KylinEmulator.AdminPassword, "wrong-password-6620", "alice-password-6620", "bob-password-6620" };

        KylinClientOptions Options(KylinCredentials c) => Configure(new KylinClientOptions { BaseAddress = emulator.BaseAddress, Credentials = c, Project = "learn_kylin" }, capture);
        using (var client = new KylinClient(Options(credentials)))
        {
            capture.Add(client.ToString());
            await RunSessionAsync(client.AsUserGroupService(), emulator.Faults, "/kylin/api/", ["alice", "bob"], secrets, capture);
        }

        using (var refused = new KylinClient(Options(wrong)))
        {
            await FailsAsync<UserGroupAuthenticationException>(refused.AsUserGroupService(), capture);
        }

        capture.Add(Options(credentials).ToString());
        capture.Add(credentials.ToString());
        capture.Add(wrong.ToString());
        await AssertNoSecretLeakedAsync(capture, secrets, emulator.Journal);
    }

    [Theory]
    [InlineData("Password", true)]
    [InlineData("Password", false)]
    [InlineData("Token", true)]
    [InlineData("Token", false)]
    public async Task OwlKeepsItsPasswordAndJwtOutOfEverythingItReports(string kind, bool hostGroups)
    {
        using var capture = new TelemetryCapture();
        await using var emulator = await OwlEmulator.StartAsync();
        var hosts = new[] { emulator.AddHost("web-1", "10.0.0.1").Id, emulator.AddHost("web-2", "10.0.0.2").Id };
        var users = new[] { emulator.AddUser("alice", "alice-password-3390").Id, emulator.AddUser("bob", "bob-password-3390").Id }.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var secrets = new List<string> { OwlEmulator.AdminPassword, "wrong-password-3390", "alice-password-3390", "bob-password-3390" };
        OwlCredentials credentials, wrong;
        if (kind == "Password")
        {
            (credentials, wrong) = (OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword), OwlCredentials.Password(OwlEmulator.AdminUsername, "wrong-password-3390"));
        }
        else
        {
            var jwt = emulator.IssueToken(OwlEmulator.AdminUsername);
            (credentials, wrong) = (OwlCredentials.Token(jwt), OwlCredentials.Token(jwt[..^6] + "AAAAAA"));
            secrets.AddRange([jwt, jwt[..^6] + "AAAAAA"]);
        }

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

        capture.Add(Options(credentials).ToString());
        capture.Add(credentials.ToString());
        capture.Add(wrong.ToString());
        await AssertNoSecretLeakedAsync(capture, secrets, emulator.Journal);
    }

    private static T Configure<T>(T options, TelemetryCapture capture)
        where T : UserGroupClientOptions
    {
        options.LoggerFactory = capture.LoggerFactory;

        // Retries stay on, so their attempts are logged and traced too, with delays short enough for a test.
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
        options.Resilience.MaxRetryAttempts = 1;
        return options;
    }

    /// <summary>Creates, reads, lists, changes members and deletes, with a 401 and 500s that echo the credentials on the way.</summary>
    private static async Task RunSessionAsync(IUserGroupService service, FaultInjector faults, string apiPrefix, IReadOnlyList<string> members, IReadOnlyList<string> secrets, TelemetryCapture capture)
    {
        var group = await service.CreateGroupAsync(new NewUserGroup("leak-check"));
        await service.AddMembersAsync(group.Id, [members[0]]);
        await foreach (var listed in service.ListGroupsAsync())
        {
            capture.Add(listed.ToString());
        }

        // A 401 the client recovers from (a token refresh or a new login) or reports as an authentication failure.
        faults.Enqueue(new EmulatedFault(401) { PathPrefix = apiPrefix, ContentType = "application/json", Body = JsonEcho(secrets) });
        await CaptureAsync(() => service.GetGroupAsync(group.Id), capture);

        // Server errors whose bodies echo the credentials back, as debug pages and careless gateways do.
        faults.Enqueue(new EmulatedFault(500) { PathPrefix = apiPrefix, ContentType = "application/json", Body = JsonEcho(secrets) }, times: 2);
        await CaptureAsync(() => service.GetGroupAsync(group.Id), capture);
        faults.Enqueue(new EmulatedFault(500) { PathPrefix = apiPrefix, ContentType = "text/html", Body = HtmlEcho(secrets) }, times: 2);
        await CaptureAsync(() => service.GetGroupAsync(group.Id), capture);
        faults.Enqueue(new EmulatedFault(200) { PathPrefix = apiPrefix, ContentType = "text/html", Body = HtmlEcho(secrets) });
        await CaptureAsync(() => service.GetGroupAsync(group.Id), capture);
        faults.Clear();

        await service.SetMembersAsync(group.Id, [members[1]]);
        await foreach (var member in service.ListMembersAsync(group.Id))
        {
            capture.Add(member.ToString());
        }

        await CaptureAsync(() => service.GetGroupAsync("999999"), capture);
        await service.SetMembersAsync(group.Id, []);
        await service.DeleteGroupAsync(group.Id);
    }

    private static string JsonEcho(IReadOnlyList<string> secrets)
    {
        var echo = new JsonObject { ["detail"] = "Authentication credentials were not valid." };
        foreach (var (secret, index) in secrets.Select((s, i) => (s, i)))
        {
            echo[SecretFields[index % SecretFields.Length]] = secret;
            echo["authorization_" + index] = "Bearer " + secret;
        }

        echo["request"] = new JsonObject { ["headers"] = new JsonObject { ["Authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + secrets[0])) } };
        return echo.ToJsonString();
    }

    private static string HtmlEcho(IReadOnlyList<string> secrets)
    {
        var html = new StringBuilder("<html><body><h1>Server Error (500)</h1><table>");
        foreach (var secret in secrets)
        {
            html.Append("<tr><td>HTTP_AUTHORIZATION</td><td>Bearer ").Append(secret).Append("</td></tr>");
            html.Append("<tr><td>POST</td><td>username=admin&amp;password=").Append(secret).Append("</td></tr>");
        }

        return html.Append("</table></body></html>").ToString();
    }

    private static async Task CaptureAsync(Func<Task> run, TelemetryCapture capture)
    {
        try
        {
            await run();
        }
        catch (Exception exception) when (exception is UserGroupApiException or ArgumentException)
        {
            capture.Add(exception);
        }
    }

    private static async Task FailsAsync<TException>(IUserGroupService service, TelemetryCapture capture)
        where TException : Exception
    {
        var error = await Assert.ThrowsAsync<TException>(async () =>
        {
            await foreach (var group in service.ListGroupsAsync())
            {
                capture.Add(group.ToString());
            }
        });
        capture.Add(error);
    }

    private static async Task AssertNoSecretLeakedAsync(TelemetryCapture capture, List<string> secrets, RequestJournal journal)
    {
        secrets.AddRange(await WireSecretsAsync(journal));
        var checkedSecrets = secrets.Where(s => s.Length >= 6).Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(checkedSecrets);
        Assert.True(capture.LogEvents > 0, "nothing was logged");
        Assert.True(capture.Spans > 0, "no span was recorded");

        foreach (var text in capture.Texts)
        {
            foreach (var secret in checkedSecrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"a secret ({secret[..3]}…, {secret.Length} characters) appears in: {text}");
            }
        }
    }

    /// <summary>Every credential the client put on the wire: Authorization values (and a Basic pair's password), and secret fields of JSON and form bodies.</summary>
    private static async Task<List<string>> WireSecretsAsync(RequestJournal journal)
    {
        var found = new List<string>();
        foreach (var entry in journal.Entries)
        {
            if (entry.GetHeader("Authorization") is { } authorization)
            {
                var space = authorization.IndexOf(' ', StringComparison.Ordinal);
                var scheme = space < 0 ? authorization : authorization[..space];
                var value = space < 0 ? string.Empty : authorization[(space + 1)..];
                if (scheme.Equals("Signature", StringComparison.OrdinalIgnoreCase))
                {
                    var start = value.IndexOf("signature=\"", StringComparison.Ordinal) + "signature=\"".Length;
                    found.Add(value[start..value.IndexOf('"', start)]);
                }
                else
                {
                    found.Add(value);
                    if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
                    {
                        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(value));
                        found.Add(pair[(pair.IndexOf(':', StringComparison.Ordinal) + 1)..]);
                    }
                }
            }

            if (entry.Body.StartsWith('{') && JsonNode.Parse(entry.Body) is JsonObject body)
            {
                foreach (var field in SecretFields)
                {
                    if (body[field] is JsonValue secret && secret.TryGetValue<string>(out var text))
                    {
                        found.Add(text);
                    }
                }
            }

            var form = await FormFields.ReadAsync(entry);
            found.AddRange(SecretFields.Where(form.ContainsKey).Select(field => form[field]));
        }

        return found;
    }
}
