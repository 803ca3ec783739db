using System.Text.Json.Nodes;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.Cli.Tests;

/// <summary>
/// Kylin members by username through the Kylin user directory: a name the server does not know never reaches a member
/// replace, which KAP and Apache Kylin would stop half-done with a 500.
/// </summary>
public sealed class KylinMemberNameTests
{
    private static readonly string[] Change = ["action", "group", "comment", "parent", "members", "status", "error"];
    private static readonly string[] Note = ["group", "kind", "message"];

    [Theory]
    [InlineData(KylinEmulatorFlavor.Kap3)]
    [InlineData(KylinEmulatorFlavor.Apache4)]
    [InlineData(KylinEmulatorFlavor.Kylin5)]
    public async Task AKylinMemberNameTheServerDoesNotKnowIsReportedAndLeftOutWhileTheRestIsApplied(KylinEmulatorFlavor flavor)
    {
        await using var kylin = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = flavor });
        foreach (var name in new[] { "alice", "bob", "carol" })
        {
            kylin.AddUser(name, name + "-password");
        }

        kylin.AddGroup("analysts", ["alice"]);
        using var ugc = new Ugc(new JsonObject { ["bi"] = Backends.Kylin(kylin) });
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), """
            {"groups": [
              {"name": "analysts", "members": ["alice", "mallory", "bob"]},
              {"name": "reporting", "members": ["mallory", "carol", "Carol"]}
            ]}
            """);
        kylin.Journal.Clear();

        var plan = await ugc.RunAsync("plan", "--backend", "bi", "-f", "groups.json", "--detailed-exitcode", "--json");

        Assert.Equal(2, plan.ExitCode);
        Assert.All(kylin.Journal.Entries, e => Assert.Equal("GET", e.Method));
        var changes = JsonShape.Array(plan.Json["changes"], Change);
        Assert.Equal(["create reporting [carol]", "addMembers analysts [bob]"], changes.Select(c => $"{c!["action"]} {c["group"]} [{string.Join(",", c["members"]!.AsArray().Select(m => (string?)m))}]"));
        var notes = JsonShape.Array(plan.Json["notes"], Note).Where(n => (string?)n!["kind"] == "unknownUser").ToList();
        Assert.Equal(
            ["analysts: no user is named 'mallory': not added.", "reporting: no user is named 'mallory': not added.", "reporting: no user is named 'Carol': not added."],
            notes.Select(n => $"{n!["group"]}: {n["message"]}"));

        var apply = await ugc.RunAsync("apply", "--backend", "bi", "-f", "groups.json");
        var again = await ugc.RunAsync("plan", "--backend", "bi", "-f", "groups.json", "--detailed-exitcode");

        Assert.Equal(0, apply.ExitCode);
        Assert.Equal(["alice", "bob"], kylin.GetGroupMembers("analysts"));
        Assert.Equal(["carol"], kylin.GetGroupMembers("reporting"));
        Assert.Null(kylin.FindUser("mallory"));
        Assert.DoesNotContain(kylin.Journal.Entries, e => e.StatusCode >= 500);
        Assert.DoesNotContain(kylin.Journal.Entries, e => e.Method != "GET" && (e.Body.Contains("mallory", StringComparison.Ordinal) || e.Body.Contains("Carol", StringComparison.Ordinal)));
        Assert.Equal(0, again.ExitCode);
    }

    [Theory]
    [InlineData(KylinEmulatorFlavor.Kap3)]
    [InlineData(KylinEmulatorFlavor.Kylin5)]
    public async Task AddingAKylinMemberByANameTheServerDoesNotKnowOrKnowsInAnotherCaseSendsNothing(KylinEmulatorFlavor flavor)
    {
        await using var kylin = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = flavor });
        kylin.AddUser("alice", "alice-password");
        kylin.AddUser("bob", "bob-password");
        kylin.AddGroup("analysts", ["alice"]);
        using var ugc = new Ugc(new JsonObject { ["bi"] = Backends.Kylin(kylin) });
        kylin.Journal.Clear();

        var result = await ugc.RunAsync("members", "add", "--backend", "bi", "analysts", "bob", "mallory", "ALICE");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("ugc: Backend 'bi' has no user named 'mallory', 'ALICE'; nothing was changed.", result.Error.Trim());
        Assert.All(kylin.Journal.Entries, e => Assert.Equal("GET", e.Method));
        Assert.Equal(["alice"], kylin.GetGroupMembers("analysts"));
    }
}
