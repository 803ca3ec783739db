using System.Net;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Testing.Tests.JumpServer;

/// <summary>Django-level answers: the trailing-slash redirect and the 404 pages (docs/wire/jumpserver.md §1.4, §5).</summary>
public sealed class RoutingTests
{
    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task SlashlessKnownRouteIsRedirectedForEveryMethodKeepingTheQuery(string method)
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.Client(jms);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/v1/users/groups?limit=5&search=a%20b"));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/api/v1/users/groups/?limit=5&search=a%20b", response.Headers.Location?.OriginalString);
        Assert.Empty(jms.GetGroups());
    }

    [Fact]
    public async Task UnknownUrlIsJsonOnlyForJsonRequests()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.Client(jms);

        using var json = await client.PostAsync("/api/v1/users/nothing/", Wire.Json("{}"));
        using var html = await client.GetAsync("/api/v1/users/nothing");

        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
        Assert.Equal("{\"error\":\"Not found\"}", await json.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GroupIdWithADotDoesNotRoute()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);

        using var response = await client.GetAsync("/api/v1/users/groups/a.b/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
