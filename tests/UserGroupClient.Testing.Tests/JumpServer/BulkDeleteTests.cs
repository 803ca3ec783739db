using System.Net;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Testing.Tests.JumpServer;

/// <summary>The bulk-delete guard and the <c>spm</c> flow (docs/wire/jumpserver.md §1.2).</summary>
public sealed class BulkDeleteTests
{
    private const string Groups = "/api/v1/users/groups/";

    [Fact]
    public async Task FilterMatchingEveryGroupIsRefusedWithEmptyBody()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddGroup("g1");
        jms.AddGroup("g2");
        using var client = Wire.AdminClient(jms);

        using var unfiltered = await client.DeleteAsync(Groups);
        using var matchesAll = await client.DeleteAsync(Groups + "?search=g");

        Assert.Equal(HttpStatusCode.BadRequest, unfiltered.StatusCode);
        Assert.Empty(await unfiltered.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.BadRequest, matchesAll.StatusCode);
        Assert.Equal(2, jms.GetGroups().Count);
    }

    [Fact]
    public async Task EmptyOrganizationIsRefused()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);

        using var response = await client.DeleteAsync($"{Groups}?ids={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SingleMatchOrPartialMatchIsAllowedEvenWhenNothingMatches()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var g1 = jms.AddGroup("g1");
        var g2 = jms.AddGroup("g2");
        jms.AddGroup("g3");
        using var client = Wire.AdminClient(jms);

        using var byName = await client.DeleteAsync(Groups + "?name=g1");
        using var none = await client.DeleteAsync($"{Groups}?ids={Guid.NewGuid()}");
        using var byIds = await client.DeleteAsync($"{Groups}?ids={g2.Id}");

        Assert.Equal(HttpStatusCode.NoContent, byName.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, byIds.StatusCode);
        Assert.Null(jms.FindGroup(g1.Id));
        Assert.Equal(["g3"], jms.GetGroups().Select(group => group.Name));
    }

    [Fact]
    public async Task SpmSelectsTheCachedIdsAndAnUnknownOrExpiredSpmDeletesNothing()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddYears(55));
        await using var jms = await JumpServerEmulator.StartAsync(new() { TimeProvider = clock });
        var g1 = jms.AddGroup("g1");
        var g2 = jms.AddGroup("g2");
        using var client = Wire.AdminClient(jms);

        var spm = await CacheAsync(client, $"{{\"resources\":[\"{g1.Id}\",\"{g2.Id}\"]}}");
        var stale = await CacheAsync(client, $"{{\"resources\":[\"{g1.Id}\",\"{g2.Id}\"]}}");
        clock.Advance(TimeSpan.FromSeconds(300));
        var fresh = await CacheAsync(client, $"{{\"resources\":[\"{g1.Id}\",\"{g2.Id}\"]}}");

        using var unknown = await client.DeleteAsync($"{Groups}?spm={Guid.NewGuid()}");
        using var expired = await client.DeleteAsync($"{Groups}?spm={stale}");
        Assert.Equal(HttpStatusCode.NoContent, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, expired.StatusCode);
        Assert.Equal(2, jms.GetGroups().Count);

        using var selected = await client.DeleteAsync($"{Groups}?spm={fresh}");
        Assert.Equal(HttpStatusCode.NoContent, selected.StatusCode);
        Assert.Empty(jms.GetGroups());
        Assert.NotEqual(spm, fresh);
    }

    [Fact]
    public async Task CacheWithoutResourcesStillAnswersAnSpm()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);

        var spm = await CacheAsync(client, "{}");

        Assert.True(Guid.TryParse(spm, out _));
    }

    private static async Task<string> CacheAsync(HttpClient client, string json)
    {
        using var response = await client.PostAsync("/api/v1/common/resources/cache/", Wire.Json(json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)(await Wire.ReadJsonAsync(response))!["spm"]!;
    }
}
