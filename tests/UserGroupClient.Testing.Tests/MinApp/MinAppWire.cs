using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using UserGroupClient.Testing.MinApp;

namespace UserGroupClient.Testing.Tests.MinApp;

/// <summary>Raw HTTP against the MinApp emulator: no redirects followed, no cookies kept, so each hop is visible.</summary>
internal static class MinAppWire
{
    public static HttpClient Client(MinAppEmulator emulator, string? accessToken = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = emulator.BaseAddress };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A <c>multipart/form-data</c> body, as the vendor's own clients send to the token endpoint.</summary>
    public static MultipartFormDataContent Form(IReadOnlyDictionary<string, string> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }

    /// <summary>The fields of a code exchange.</summary>
    public static Dictionary<string, string> CodeExchange(MinAppEmulator emulator, string code) => new()
    {
        ["client_id"] = emulator.ClientId,
        ["client_secret"] = emulator.ClientSecret,
        ["code"] = code,
        ["grant_type"] = "authorization_code",
    };

    public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>Runs the authorize hops by hand, carrying the cookie, and returns the code.</summary>
    public static async Task<string> AuthorizeAsync(HttpClient client, MinAppEmulator emulator)
    {
        var first = await client.PostAsync("api/oauth2/hydrogen/openapi/authorize/", Json($$"""{"client_id": "{{emulator.ClientId}}", "client_secret": "{{emulator.ClientSecret}}"}"""));
        Assert.Equal(HttpStatusCode.Found, first.StatusCode);
        var cookie = first.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var location = first.Headers.Location!;
        for (var hop = 0; hop < 2; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, location);
            request.Headers.Add("Cookie", cookie);
            var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(1, hop);
                return (string)(await ReadJsonAsync(response))["code"]!;
            }

            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            location = response.Headers.Location!;
        }

        throw new InvalidOperationException("The authorize step did not end with a code.");
    }

    /// <summary>Runs the whole flow and returns the token answer.</summary>
    public static async Task<JsonNode> TokenAsync(HttpClient client, MinAppEmulator emulator)
    {
        var code = await AuthorizeAsync(client, emulator);
        var response = await client.PostAsync("api/oauth2/access_token/", Form(CodeExchange(emulator, code)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }
}
