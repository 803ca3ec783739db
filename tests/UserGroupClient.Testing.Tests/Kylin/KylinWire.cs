using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.Testing.Tests.Kylin;

/// <summary>Raw HTTP against the Kylin emulator: no redirects, no cookies, the v2 media type unless told otherwise.</summary>
internal static class KylinWire
{
    public const string V2 = "application/vnd.apache.kylin-v2+json";

    public static HttpClient Client(KylinEmulator emulator, string? username = KylinEmulator.AdminUsername, string password = KylinEmulator.AdminPassword, string accept = V2)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(emulator.BaseAddress, "kylin/api/"),
        };
        client.DefaultRequestHeaders.Accept.ParseAdd(accept);
        if (username is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        }

        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}
