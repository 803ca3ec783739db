using System.Net;
using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>A Kylin client whose transport is a <see cref="StubHandler"/>.</summary>
internal sealed class KylinStub : IDisposable
{
    private readonly HttpClient _http;

    public KylinStub(StubHandler handler, Action<KylinClientOptions>? configure = null)
    {
        Handler = handler;
        _http = new HttpClient(handler);
        var options = new KylinClientOptions
        {
            BaseAddress = new Uri("http://kylin.example.com:7070"),
            Credentials = KylinCredentials.Basic("ADMIN", "KYLIN"),
            Project = "learn_kylin",

            // Named, so that no flavor probe comes before the stubbed answers (detection has tests of its own).
            Flavor = KylinFlavor.Kap3,
        };

        // Retries would repeat the stubbed failures with real backoff delays.
        options.Resilience.Enabled = false;
        configure?.Invoke(options);
        Client = new KylinClient(options, _http);
    }

    public StubHandler Handler { get; }

    public KylinClient Client { get; }

    public IUserGroupService Service => Client.AsUserGroupService();

    public static HttpResponseMessage Ok(string dataJson, string msg = "") =>
        new(HttpStatusCode.OK)
        {
            Content = new StringContent($$"""{"code":"000","data":{{dataJson}},"msg":"{{msg}}"}""", System.Text.Encoding.UTF8, "application/vnd.apache.kylin-v2+json"),
        };

    public static HttpResponseMessage Error(HttpStatusCode status, string msg, string code = "999") =>
        StubHandler.Json(status, $$"""{"code":"{{code}}","data":null,"msg":"{{msg}}","stacktrace":"java.lang.RuntimeException: {{msg}}\n\tat x","exception":"{{msg}}","url":"http://kylin.example.com:7070/kylin/api/user_group/g1"}""");

    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
    }
}
