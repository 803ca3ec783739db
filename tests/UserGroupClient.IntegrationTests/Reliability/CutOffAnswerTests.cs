using System.Globalization;
using UserGroupClient.JumpServer;
using UserGroupClient.MinApp;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.MinApp;

namespace UserGroupClient.IntegrationTests.Reliability;

/// <summary>
/// An answer whose body ends before the length its headers announced (the connection closed in transit) is a failed
/// attempt: a read is sent again and the next answer counts; a create is never sent twice, and its group is found.
/// A list's page, parsed as it arrives after the attempts, is asked for again and the listing goes on.
/// </summary>
public sealed class CutOffAnswerTests
{
    [Fact]
    public async Task AGroupReadWhoseBodyEndsPrematurelyIsReadAgain()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var group = jms.AddGroup("ops");
        using var client = new JumpServerClient(JumpServer(jms));
        jms.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.IncompleteBody));

        var read = await client.UserGroups.GetAsync(group.Id);

        Assert.Equal("ops", read.Name);
        Assert.Collection(
            jms.Journal.Entries,
            first => Assert.Equal(EmulatedFaultKind.IncompleteBody, first.Fault?.Kind),
            second => Assert.Null(second.Fault));
    }

    [Fact]
    public async Task AFacadeReadWhoseBodyEndsPrematurelyIsReadAgain()
    {
        await using var minapp = await MinAppEmulator.StartAsync();
        var group = minapp.AddUserGroup("ops");
        using var client = new MinAppClient(MinApp(minapp));
        minapp.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.IncompleteBody, method: "GET"));

        var read = await client.AsUserGroupService().GetGroupAsync(group.Id.ToString(CultureInfo.InvariantCulture));

        Assert.Equal("ops", read.Name);
        Assert.Equal(2, minapp.Journal.Entries.Count(e => e.Method == "GET"));
    }

    [Fact]
    public async Task AListingWhosePageEndsPrematurelyAsksForThePageAgain()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddGroup("ops");
        jms.AddGroup("dev");
        using var client = new JumpServerClient(JumpServer(jms));
        jms.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.IncompleteBody, method: "GET"));

        var names = new List<string>();
        await foreach (var group in client.AsUserGroupService().ListGroupsAsync())
        {
            names.Add(group.Name);
        }

        Assert.Contains("ops", names);
        Assert.Contains("dev", names);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Collection(
            jms.Journal.Entries,
            first => Assert.Equal(EmulatedFaultKind.IncompleteBody, first.Fault?.Kind),
            second => Assert.Null(second.Fault));
    }

    [Fact]
    public async Task ACreateWhoseAnswerEndsPrematurelyIsFoundNotSentAgain()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = new JumpServerClient(JumpServer(jms));
        jms.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.IncompleteBody, method: "POST"));

        var created = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("ops"));

        Assert.Equal(Assert.Single(jms.GetGroups(), g => g.Name == "ops").Id, created.Id);
        Assert.Single(jms.Journal.Entries, e => e.Method == "POST");
    }

    private static JumpServerClientOptions JumpServer(JumpServerEmulator jms)
    {
        var options = new JumpServerClientOptions
        {
            BaseAddress = jms.BaseAddress,
            Credentials = JumpServerCredentials.Bearer(jms.IssueBearerToken(JumpServerEmulator.AdminUsername, TimeSpan.FromHours(1))),
        };
        FastRetries.ApplyWithPatientAttempts(options);
        return options;
    }

    private static MinAppClientOptions MinApp(MinAppEmulator minapp)
    {
        var options = new MinAppClientOptions
        {
            BaseAddress = minapp.BaseAddress,
            Credentials = MinAppCredentials.AccessToken(minapp.IssueAccessToken()),
        };
        FastRetries.ApplyWithPatientAttempts(options);
        return options;
    }
}
