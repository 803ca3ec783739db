using System.Net;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Testing.Tests.JumpServer;

/// <summary>Organization selection and scoping (docs/wire/jumpserver.md §4).</summary>
public sealed class OrganizationTests
{
    private const string Groups = "/api/v1/users/groups/";

    [Fact]
    public async Task HeaderQueryAndCookieSelectTheOrganization()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var sales = jms.AddOrganization("Sales");
        using var client = Wire.AdminClient(jms);

        await CreateAsync(client, "by-header", ("X-JMS-ORG", sales));
        await CreateAsync(client, "by-query", path: $"{Groups}?oid={sales}");
        await CreateAsync(client, "by-cookie", ("Cookie", $"X-JMS-ORG={sales}"));
        await CreateAsync(client, "by-name", ("X-JMS-ORG", "Sales"));
        await CreateAsync(client, "query-wins", ("X-JMS-ORG", JumpServerEmulator.DefaultOrganizationId), path: $"{Groups}?oid={sales}");

        Assert.Equal(["by-cookie", "by-header", "by-name", "by-query", "query-wins"], jms.GetGroups(sales).Select(group => group.Name));
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("11111111-2222-3333-4444-555555555555")]
    [InlineData("default")]
    public async Task UnknownOrMalformedMeansDefaultSilently(string value)
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);

        await CreateAsync(client, "fallback", ("X-JMS-ORG", value));

        Assert.Equal(JumpServerEmulator.DefaultOrganizationId, jms.GetGroups().Single().OrganizationId);
    }

    [Fact]
    public async Task GroupsOfAnotherOrganizationAreNotFoundButRootSeesEverything()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var sales = jms.AddOrganization("Sales");
        var hidden = jms.AddGroup("hidden", organizationId: sales);
        jms.AddGroup("visible");
        using var client = Wire.AdminClient(jms);

        using var fromDefault = await client.GetAsync($"{Groups}{hidden.Id}/");
        using var fromRoot = await client.GetAsync($"{Groups}?oid=root&limit=10");
        using var system = await client.GetAsync($"{Groups}?oid=SYSTEM&limit=10");

        Assert.Equal(HttpStatusCode.NotFound, fromDefault.StatusCode);
        Assert.Equal(2, (int)(await Wire.ReadJsonAsync(fromRoot))!["count"]!);
        Assert.Equal(0, (int)(await Wire.ReadJsonAsync(system))!["count"]!);
    }

    [Fact]
    public async Task OrganizationsCanBeListed()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddOrganization("Sales");
        using var client = Wire.AdminClient(jms);

        using var response = await client.GetAsync("/api/v1/orgs/orgs/");
        var names = (await Wire.ReadJsonAsync(response))!.AsArray().Select(org => (string)org!["name"]!);

        Assert.Equal(["DEFAULT", "SYSTEM", "Sales"], names);
    }

    private static async Task CreateAsync(HttpClient client, string name, (string Name, string Value)? header = null, string path = Groups)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Wire.Json($"{{\"name\":\"{name}\"}}") };
        if (header is { } extra)
        {
            request.Headers.TryAddWithoutValidation(extra.Name, extra.Value);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
