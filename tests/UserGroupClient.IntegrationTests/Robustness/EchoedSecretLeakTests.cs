using System.Globalization;
using System.Text;
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
/// Echoes <see cref="SecretLeakTests"/> does not make: a credential echoed without a label and in another escaping
/// than .NET's own, values nested under secret keys, a Basic credential, a short password, an OAuth code or a token in
/// a redirect's query, and a token that straddles the point where a shown body is cut. Each is served by an emulator to
/// the public client, and nothing the client lets out (exception fields, <c>ToString()</c>, logs at Trace level, spans)
/// may show it.
/// </summary>
public sealed class EchoedSecretLeakTests
{
    private const string Password = "Summer \"2024!ö<&/";

    /// <summary>The password of <see cref="Password"/> as servers write it back.</summary>
    public static TheoryData<string, string> EscapedEchoes => new()
    {
        { "Python's json.dumps", """Summer \"2024!\u00f6<&/""" },
        { "Go's encoding/json", """Summer \"2024!ö\u003c\u0026/""" },
        { "Python's urlencode", "Summer+%222024%21%C3%B6%3C%26%2F" },
        { "HTML references", "Summer &quot;2024!&#246;&lt;&amp;/" },
    };

    [Theory]
    [MemberData(nameof(EscapedEchoes))]
    public async Task APasswordEchoedInAnotherEscapingReachesNoExceptionFieldAndNoLog(string escaping, string echoed)
    {
        using var capture = new TelemetryCapture();
        await using var emulator = await JumpServerEmulator.StartAsync();
        emulator.AddUser("ops", "Ops", password: Password, isAdmin: true);
        var group = emulator.AddGroup("seeded");
        using var client = new JumpServerClient(Configure(new JumpServerClientOptions { BaseAddress = emulator.BaseAddress, Credentials = JumpServerCredentials.Password("ops", Password) }, capture));
        var service = client.AsUserGroupService();
        await service.GetGroupAsync(group.Id);

        var unlabeled = await FailAsync<UserGroupApiException>(emulator.Faults, "GET", "/api/v1/users/groups/", 500, "application/json", $$"""{"detail": "login of ops with {{echoed}} was refused"}""", () => service.GetGroupAsync(group.Id), capture);
        var code = await FailAsync<UserGroupApiException>(emulator.Faults, "GET", "/api/v1/users/groups/", 500, "application/json", $$"""{"detail": "refused", "code": "{{echoed}}"}""", () => service.GetGroupAsync(group.Id), capture);
        var fields = await FailAsync<UserGroupValidationException>(emulator.Faults, "POST", "/api/v1/users/groups/", 400, "application/json", $$"""{"name": ["{{echoed}} is not a valid name"]}""", () => service.CreateGroupAsync(new NewUserGroup("ops-team")), capture);
        var page = await FailAsync<UserGroupApiException>(emulator.Faults, "GET", "/api/v1/users/groups/", 500, "text/html", $"<html><body><p>password: {echoed}</p></body></html>", () => service.GetGroupAsync(group.Id), capture);

        Assert.Contains("was refused", unlabeled.ServerMessage, StringComparison.Ordinal);
        Assert.NotNull(code.ErrorCode);
        capture.Add(code.ErrorCode);
        Assert.Contains("is not a valid name", Assert.Single(fields.FieldErrors["name"]), StringComparison.Ordinal);
        capture.Add(string.Join(" ", fields.FieldErrors.SelectMany(field => field.Value.Prepend(field.Key))));
        Assert.Contains("<p>password", page.ResponseBody, StringComparison.Ordinal);
        AssertNotShown(capture, $"the password echoed by {escaping}", Password, echoed, "Summer");
    }

    [Fact]
    public async Task ValuesNestedUnderSecretKeysReachNoExceptionFieldAndNoLog()
    {
        using var capture = new TelemetryCapture();
        await using var emulator = await MinAppEmulator.StartAsync();
        var group = emulator.AddUserGroup("seeded");
        using var client = new MinAppClient(Configure(new MinAppClientOptions { BaseAddress = emulator.BaseAddress, Credentials = MinAppCredentials.ClientCredentials(emulator.ClientId, emulator.ClientSecret) }, capture));
        var service = client.AsUserGroupService();
        var id = group.Id.ToString(CultureInfo.InvariantCulture);
        await service.GetGroupAsync(id);

        const string body = """{"error_msg": "the request was refused", "refresh_token": ["first-unknown-1", "second-unknown-2"], "request": {"password": {"old": "old-unknown-3", "new": ["new-unknown-4"]}, "accessToken": 90125}}""";
        var refused = await FailAsync<UserGroupValidationException>(emulator.Faults, "GET", "/oserve/", 400, "application/json", body, () => service.GetGroupAsync(id), capture);

        Assert.Equal("the request was refused", refused.ServerMessage);
        Assert.Contains("\"refresh_token\":\"***\"", refused.ResponseBody, StringComparison.Ordinal);
        AssertNotShown(capture, "a value under a secret key", "first-unknown-1", "second-unknown-2", "old-unknown-3", "new-unknown-4", "90125");
    }

    [Fact]
    public async Task KylinsBasicCredentialEchoedWithoutALabelReachesNoExceptionFieldAndNoLog()
    {
        using var capture = new TelemetryCapture();
        await using var emulator = await KylinEmulator.StartAsync();
        emulator.AddGroup("seeded", []);
        using var client = new KylinClient(Configure(new KylinClientOptions { BaseAddress = emulator.BaseAddress, Credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword), Project = "learn_kylin" }, capture));
        var service = client.AsUserGroupService();
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(KylinEmulator.AdminUsername + ":" + KylinEmulator.AdminPassword));

        var refused = await FailAsync<UserGroupApiException>(
            emulator.Faults, "GET", "/kylin/api/", 500, "application/json",
            $$"""{"code": "999", "msg": "the header value {{basic}} could not be read", "data": null, "stacktrace": "at org.apache.kylin.rest.security.Filter(header={{basic}})"}""",
            () => service.GetGroupAsync("seeded"),
            capture);

        Assert.Contains("could not be read", refused.ServerMessage, StringComparison.Ordinal);
        AssertNotShown(capture, "the Basic credential", basic);
    }

    [Fact]
    public async Task AShortPasswordIsMaskedWhereACredentialCanAppearAndOrdinaryWordsStay()
    {
        using var capture = new TelemetryCapture();
        await using var emulator = await OwlEmulator.StartAsync();
        var group = emulator.AddUserGroup("seeded");
        using var client = new OwlClient(Configure(new OwlClientOptions { BaseAddress = emulator.BaseAddress, Credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword) }, capture));
        var service = client.AsUserGroupService();
        var id = group.Id.ToString(CultureInfo.InvariantCulture);
        await service.GetGroupAsync(id);

        var refused = await FailAsync<UserGroupApiException>(
            emulator.Faults, "GET", "/api/v1/usergroups", 200, "application/json",
            """{"code": 403, "message": "user admin may not read this group", "data": {"password_tried": "admin", "tried": "admin", "header": "Bearer admin"}}""",
            () => service.GetGroupAsync(id),
            capture);

        Assert.Equal("user admin may not read this group", refused.ServerMessage);
        Assert.Contains("\"tried\":\"***\"", refused.ResponseBody, StringComparison.Ordinal);
        AssertNotShown(capture, "the short password", "\"admin\"", "Bearer admin");
    }

    [Fact]
    public async Task AnAuthorizeRedirectsCodeReachesNoLog()
    {
        const string code = "f3a1c0de0000111122223333444455556666aaaa";
        using var capture = new TelemetryCapture();
        await using var emulator = await MinAppEmulator.StartAsync();
        using var client = new MinAppClient(Configure(new MinAppClientOptions { BaseAddress = emulator.BaseAddress, Credentials = MinAppCredentials.ClientCredentials(emulator.ClientId, emulator.ClientSecret) }, capture));
        emulator.Faults.Enqueue(new EmulatedFault(302)
        {
            Method = "POST",
            PathPrefix = "/api/oauth2/hydrogen/openapi/authorize/",
            Headers = new Dictionary<string, string> { ["Location"] = $"/api/oauth2/hydrogen/openapi/authorize/code/?code={code}&state=s1#access_token={code}" },
        });

        var refused = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => client.AsUserGroupService().GetGroupAsync("1"));
        capture.Add(refused);

        Assert.Contains(capture.Texts, text => text.Contains("Location: /api/oauth2/hydrogen/openapi/authorize/code/?***", StringComparison.Ordinal));
        AssertNotShown(capture, "the code in a redirect's query", code);
    }

    [Fact]
    public async Task AnApiRedirectsTokenReachesNoLog()
    {
        const string token = "tok-in-the-query-0123456789";
        using var capture = new TelemetryCapture();
        await using var emulator = await JumpServerEmulator.StartAsync();
        var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
        using var client = new JumpServerClient(Configure(new JumpServerClientOptions { BaseAddress = emulator.BaseAddress, Credentials = JumpServerCredentials.AccessKey(key.Id, key.Secret) }, capture));

        await FailAsync<UserGroupApiException>(
            emulator.Faults, "GET", "/api/v1/users/groups/", 302, null, "",
            () => client.AsUserGroupService().GetGroupAsync(Guid.NewGuid().ToString()),
            capture,
            new Dictionary<string, string> { ["Location"] = $"https://sso.example/login/?next=/api/&access_token={token}" });

        Assert.Contains(capture.Texts, text => text.Contains("Location: https://sso.example/login/?***", StringComparison.Ordinal));
        AssertNotShown(capture, "the token in a redirect's query", token);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/json")]
    public async Task ATokenStraddlingTheCutOfAShownBodyIsMaskedWhole(string contentType)
    {
        using var capture = new TelemetryCapture();
        await using var emulator = await JumpServerEmulator.StartAsync();
        var group = emulator.AddGroup("seeded");
        var token = emulator.IssueBearerToken(JumpServerEmulator.AdminUsername);
        using var client = new JumpServerClient(Configure(new JumpServerClientOptions { BaseAddress = emulator.BaseAddress, Credentials = JumpServerCredentials.Bearer(token) }, capture));
        // The first 16 characters of the token fall inside the 8 KiB an exception keeps.
        const string start = "{\"results\": \"";
        var body = start + new string('x', (8 * 1024) - start.Length - 16) + token + new string('y', 4 * 1024);

        var spoiled = await FailAsync<UserGroupApiException>(emulator.Faults, "GET", "/api/v1/users/groups/", 200, contentType, body, () => client.AsUserGroupService().GetGroupAsync(group.Id), capture);

        Assert.EndsWith("[truncated]", spoiled.ResponseBody, StringComparison.Ordinal);
        AssertNotShown(capture, "the start of a token cut in two", token[..12]);
    }

    private static T Configure<T>(T options, TelemetryCapture capture)
        where T : UserGroupClientOptions
    {
        options.LoggerFactory = capture.LoggerFactory;

        // Each fault answers one attempt.
        options.Resilience.Enabled = false;
        return options;
    }

    /// <summary>Serves one answer to the next matching request, runs the call, and captures the exception it ends in.</summary>
    private static async Task<TException> FailAsync<TException>(
        FaultInjector faults,
        string method,
        string pathPrefix,
        int status,
        string? contentType,
        string body,
        Func<Task> call,
        TelemetryCapture capture,
        IReadOnlyDictionary<string, string>? headers = null)
        where TException : Exception
    {
        faults.Enqueue(new EmulatedFault(status) { Method = method, PathPrefix = pathPrefix, ContentType = contentType, Body = body, Headers = headers ?? new Dictionary<string, string>() });
        var error = await Assert.ThrowsAnyAsync<TException>(call);
        faults.Clear();
        capture.Add(error);
        return error;
    }

    private static void AssertNotShown(TelemetryCapture capture, string what, params string[] secrets)
    {
        Assert.True(capture.LogEvents > 0, "nothing was logged");
        foreach (var text in capture.Texts)
        {
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{what} ({secret}) appears in: {text}");
            }
        }
    }
}
