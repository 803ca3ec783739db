using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.Testing.Tests.Owl;

/// <summary>Raw HTTP helpers: no redirects, no cookies, so every test sees exactly what the emulator sent.</summary>
internal static class OwlWire
{
    public static HttpClient Client(OwlEmulator emulator, string? token = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = emulator.BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static HttpClient AdminClient(OwlEmulator emulator) => Client(emulator, emulator.IssueToken(OwlEmulator.AdminUsername));

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonObject> SendAsync(HttpClient client, HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : Json(body) };
        using var response = await client.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static string Compact(JsonNode? node) => node?.ToJsonString() ?? "null";
}
