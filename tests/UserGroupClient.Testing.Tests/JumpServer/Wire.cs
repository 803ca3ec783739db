using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Testing.Tests.JumpServer;

/// <summary>Raw HTTP helpers: no redirects followed, no cookies kept, so every test sees exactly what the emulator sent.</summary>
internal static class Wire
{
    public static HttpClient Client(JumpServerEmulator emulator, string? bearerToken = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1,
        };
        var client = new HttpClient(handler) { BaseAddress = emulator.BaseAddress };
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return client;
    }

    /// <summary>A client authenticated as the seeded superuser.</summary>
    public static HttpClient AdminClient(JumpServerEmulator emulator) =>
        Client(emulator, emulator.IssueBearerToken(JumpServerEmulator.AdminUsername));

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync());

    public static string Compact(JsonNode? node) => node?.ToJsonString() ?? "null";

    public static string HmacSha256(string secret, string signingString) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.ASCII.GetBytes(secret), Encoding.ASCII.GetBytes(signingString)));
}
