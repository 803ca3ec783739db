using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Cli.Tests;

public sealed class RequestCostTests
{
    [Fact]
    public async Task APlanWithNothingToChangeReadsPagesNotOneListingPerGroupOrName()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        for (var i = 0; i < 12; i++)
        {
            var user = jms.AddUser($"user{i:00}", $"User {i}");
            jms.AddGroup($"team{i:00}", userIds: [user.Id]);
        }

        var entry = Backends.JumpServer(jms);
        entry["DefaultPageSize"] = 5;
        using var ugc = new Ugc(new JsonObject { ["ops"] = entry });
        await ugc.RunAsync("export", "--backend", "ops", "-o", "groups.json");
        jms.Journal.Clear();

        var plan = await ugc.RunAsync("plan", "--backend", "ops", "-f", "groups.json", "--detailed-exitcode");

        Assert.Equal(0, plan.ExitCode);
        var requests = jms.Journal.Entries;
        Assert.All(requests, e => Assert.Equal("GET", e.Method));
        // 12 groups, 5 a page: 3 pages of groups. 13 users (the administrator too): 3 pages of the directory, read once
        // for all 12 names. Each group: its detail and its one page of members.
        Assert.Equal(3, requests.Count(e => e.Path == "/api/v1/users/groups/"));
        Assert.Equal(3, requests.Count(e => e.Path == "/api/v1/users/users/" && !e.Query.Contains("group_id", StringComparison.Ordinal)));
        Assert.Equal(12, requests.Count(e => e.Path == "/api/v1/users/users/" && e.Query.Contains("group_id", StringComparison.Ordinal)));
        Assert.Equal(12, requests.Count(e => e.Path.StartsWith("/api/v1/users/groups/", StringComparison.Ordinal) && e.Path != "/api/v1/users/groups/"));
        Assert.Equal(30, requests.Count);
    }
}
