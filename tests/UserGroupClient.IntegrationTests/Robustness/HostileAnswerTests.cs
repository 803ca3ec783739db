using System.Net;
using UserGroupClient.JumpServer;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;

namespace UserGroupClient.IntegrationTests.Robustness;

/// <summary>
/// Answers from a hostile server that sends a compression bomb or a corrupt encoding, as a success or as a failure: to
/// every credential exchange (JumpServer's login, Owl's login and refresh, MinApp's authorize, token and refresh) and to
/// API calls, decoded by the SDK or by a caller's <see cref="HttpClient"/>. The body is read no further than
/// <see cref="UserGroupClientOptions.MaxResponseContentBytes"/> counted after decoding, and whatever goes wrong reaches
/// the caller as a <see cref="UserGroupApiException"/>, never as an <see cref="ArgumentException"/>, an
/// <see cref="InvalidDataException"/>, an <see cref="InvalidOperationException"/> or an out-of-memory failure.
/// </summary>
public sealed class HostileAnswerTests
{
    private const string TokenAnswer = """{"token": "issued-token-0123456789", "expire": "2099-01-01T00:00:00Z"}""";
    private const string CodeAnswer = """{"code": "code-0123456789abcdef", "expires_in": 600}""";
    private const string MinAppTokenAnswer = """{"access_token": "access-0123456789", "token_type": "Bearer", "expires_in": 3600, "refresh_token": "refresh-0123456789", "scope": "write"}""";

    public static TheoryData<string, string, int> Cases()
    {
        var cases = new TheoryData<string, string, int>();
        foreach (var exchange in new[] { "JumpServer login", "Owl login", "Owl refresh", "MinApp authorize", "MinApp token", "MinApp refresh" })
        {
            foreach (var kind in HostileBodies.Kinds)
            {
                cases.Add(exchange, kind, 200);
                cases.Add(exchange, kind, 400);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AHostileCredentialAnswerFailsAsAnApiExceptionWithinTheSizeLimit(string exchange, string kind, int status)
    {
        await using var server = await HostileServer.StartAsync();
        var (body, encoding) = HostileBodies.Get(kind);
        var hostile = HostileServer.Encoded(body, encoding, status);
        var unauthorized = HostileServer.Json("""{"code": 401, "message": "token is invalid"}""", 401);
        string path;
        Func<Task> call;
        IDisposable client;
        switch (exchange)
        {
            case "JumpServer login":
                path = "/api/v1/authentication/auth/";
                server.On(path, hostile);
                var jumpServer = new JumpServerClient(Options(new JumpServerClientOptions { BaseAddress = server.BaseAddress, Credentials = JumpServerCredentials.Password("admin", "admin-password-0123") }));
                (client, call) = (jumpServer, () => jumpServer.AsUserGroupService().GetGroupAsync("7413d36d-cf37-45f4-b42a-cd5eeff1f4ff"));
                break;
            case "Owl login" or "Owl refresh":
                path = exchange == "Owl login" ? "/api/v1/login" : "/api/v1/refresh_token";
                server.On("/api/v1/login", HostileServer.Json(TokenAnswer));
                server.On(path, hostile);
                server.Otherwise(unauthorized);
                var owl = new OwlClient(Options(new OwlClientOptions { BaseAddress = server.BaseAddress, Credentials = OwlCredentials.Password("root", "root-password-0123") }));
                (client, call) = (owl, () => owl.AsUserGroupService().GetGroupAsync("1"));
                break;
            default:
                path = exchange == "MinApp authorize" ? "/api/oauth2/hydrogen/openapi/authorize/" : "/api/oauth2/access_token/";
                server.On("/api/oauth2/hydrogen/openapi/authorize/", exchange == "MinApp authorize" ? hostile : HostileServer.Json(CodeAnswer));

                // A refresh follows the 401 that the first token meets.
                server.On("/api/oauth2/access_token/", (context, number) => exchange == "MinApp refresh" && number == 0 ? HostileServer.Json(MinAppTokenAnswer)(context) : hostile(context));
                server.Otherwise(unauthorized);
                var minApp = new MinAppClient(Options(new MinAppClientOptions { BaseAddress = server.BaseAddress, Credentials = MinAppCredentials.ClientCredentials("client-id-0123", "client-secret-0123") }));
                (client, call) = (minApp, () => minApp.UserGroups.GetAsync(47));
                break;
        }

        using (client)
        {
            var error = await Assert.ThrowsAnyAsync<UserGroupApiException>(call);

            Assert.Contains(server.Received, request => request.PathAndQuery == path && (exchange != "MinApp refresh" || request.Body.Contains("refresh-0123456789", StringComparison.Ordinal)));
            if (status == 200 && kind.EndsWith("bomb", StringComparison.Ordinal) && exchange != "Owl refresh")
            {
                // A refused refresh is answered by a new login, so Owl's caller sees the 401 that follows instead.
                Assert.Contains("16777216-byte limit", error.Message, StringComparison.Ordinal);
            }
        }
    }

    public static TheoryData<string, int, bool> ApiCases()
    {
        var cases = new TheoryData<string, int, bool>();
        foreach (var kind in HostileBodies.Kinds)
        {
            foreach (var status in new[] { 200, 404, 503 })
            {
                cases.Add(kind, status, false);
                cases.Add(kind, status, true);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(ApiCases))]
    public async Task AHostileApiAnswerFailsAsAnApiExceptionWithinTheSizeLimit(string kind, int status, bool callersDecompressingClient)
    {
        await using var server = await HostileServer.StartAsync();
        var (body, encoding) = HostileBodies.Get(kind);
        server.Otherwise(HostileServer.Encoded(body, encoding, status));
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });
        var options = Options(new JumpServerClientOptions { BaseAddress = server.BaseAddress, Credentials = JumpServerCredentials.Bearer("bearer-token-0123456789") });
        using var client = callersDecompressingClient ? new JumpServerClient(options, http) : new JumpServerClient(options);

        var error = await Assert.ThrowsAnyAsync<UserGroupApiException>(() => client.UserGroups.GetAsync("7413d36d-cf37-45f4-b42a-cd5eeff1f4ff"));

        Assert.Equal(status, (int?)error.StatusCode);
        if (status == 200 && kind.EndsWith("bomb", StringComparison.Ordinal))
        {
            Assert.Contains("16777216-byte limit", error.Message, StringComparison.Ordinal);
        }
    }

    private static T Options<T>(T options)
        where T : UserGroupClientOptions
    {
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
        return options;
    }
}
