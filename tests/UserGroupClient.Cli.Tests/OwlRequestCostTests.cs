using System.Text.Json.Nodes;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.Cli.Tests;

public sealed class OwlRequestCostTests
{
    [Fact]
    public async Task AnOwlPlanWithNothingToChangeReadsEachGroupsMemberPagesNotTheGroupListPerGroup()
    {
        await using var owl = await OwlEmulator.StartAsync();
        for (var i = 0; i < 12; i++)
        {
            var first = owl.AddUser($"user{i:00}a");
            var second = owl.AddUser($"user{i:00}b");
            owl.AddUserGroup($"team{i:00}", [first.Id, second.Id]);
        }

        var entry = Backends.Owl(owl, "OwlUserGroups");
        entry["DefaultPageSize"] = 5;
        using var ugc = new Ugc(new JsonObject { ["owl"] = entry });
        Assert.Equal(0, (await ugc.RunAsync("export", "--backend", "owl", "-o", "groups.json")).ExitCode);
        owl.Journal.Clear();

        var plan = await ugc.RunAsync("plan", "--backend", "owl", "-f", "groups.json", "--detailed-exitcode");

        Assert.Equal(0, plan.ExitCode);
        var requests = owl.Journal.Entries.Where(e => e.Path != "/api/v1/login").ToList();
        Assert.All(requests, e => Assert.Equal("GET", e.Method));
        // The group list once (it is not paged). 25 users (the administrator too), 5 a page: 5 pages of the directory,
        // read once for all 24 names. Each group: its one page of 2 members.
        Assert.Equal(1, requests.Count(e => e.Path == "/api/v1/usergroups"));
        Assert.Equal(5, requests.Count(e => e.Path == "/api/v1/users" && !e.Query.Contains("group_id", StringComparison.Ordinal)));
        Assert.Equal(12, requests.Count(e => e.Path == "/api/v1/users" && e.Query.Contains("group_id", StringComparison.Ordinal)));
        Assert.Equal(18, requests.Count);
    }
}
