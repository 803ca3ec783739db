using System.Text.RegularExpressions;

namespace UserGroupClient.Cli.Tests;

/// <summary>
/// What <c>--help</c> tells a user about the tool and each of its commands (backends, groups, members, export, plan,
/// apply, sync, emulator) and the global options: descriptions, usage, arguments and options with their value names,
/// whether they are required, and what they do.
/// Lines are compared with the column padding collapsed, so the layout's widths do not matter.
/// </summary>
public sealed partial class CommandHelpTests
{
    private const string Backend = "-b, --backend <NAME> (REQUIRED) The backend's name in the configuration.";
    private const string Group = "<GROUP> The group's name.";
    private const string File = "-f, --file <FILE> (REQUIRED) The desired-state file (the format export writes; docs/cli.md).";
    private const string Prune = "--prune Delete the groups the desired state does not name, and remove the members it does not list.";
    private const string Yes = "-y, --yes Do not ask before --prune deletes.";
    private const string Users = "<USER> User names (Owl host groups: host names).";
    private const string Ids = "--ids USER values are member ids, not names (MinApp has no unique user name: its user_id).";

    [Fact]
    public async Task TheRootHelpListsEachCommandWithWhatItDoes()
    {
        var help = await HelpAsync();

        Assert.Contains("backends The configured backends, and whether each answers (one authenticated request each: the first page of groups).", help);
        Assert.Contains("groups List, show, create, change and delete a backend's groups.", help);
        Assert.Contains("members List and change a group's members, by user name.", help);
        Assert.Contains("export The backend's groups as a desired-state file: names, comments, parents and members by user name.", help);
        Assert.Contains("plan What apply would change, sending nothing.", help);
        Assert.Contains("apply Makes the backend match the desired-state file.", help);
        Assert.Contains("sync Makes the target's groups match the source's: names and comments, and members with --members.", help);
    }

    [Fact]
    public async Task BackendsHelpSaysItSendsOneRequestEach()
    {
        var help = await HelpAsync("backends");

        Assert.Equal("The configured backends, and whether each answers (one authenticated request each: the first page of groups).", Description(help));
        Assert.Equal("backends [options]", Usage(help));
    }

    [Fact]
    public async Task GroupsHelpListsItsFiveCommands()
    {
        var help = await HelpAsync("groups");

        Assert.Equal("List, show, create, change and delete a backend's groups.", Description(help));
        Assert.Contains("list The backend's groups.", help);
        Assert.Contains("get <GROUP> One group, by name.", help);
        Assert.Contains("create <NAME> Creates a group.", help);
        Assert.Contains("update <GROUP> Changes a group's name, comment or parent; what is not given keeps its value.", help);
        Assert.Contains("delete <GROUP> Deletes a group, by name.", help);
    }

    [Fact]
    public async Task GroupsListHelpNamesTheBackendAndTheSearchText()
    {
        var help = await HelpAsync("groups", "list");

        Assert.Equal("The backend's groups.", Description(help));
        Assert.Contains(Backend, help);
        Assert.Contains("--search <TEXT> Only the groups whose name contains this text (as the server searches).", help);
    }

    [Fact]
    public async Task GroupsGetHelpTakesTheGroupsName()
    {
        var help = await HelpAsync("groups", "get");

        Assert.Equal("One group, by name.", Description(help));
        Assert.Equal("groups get <GROUP> [options]", Usage(help));
        Assert.Contains(Group, help);
        Assert.Contains(Backend, help);
    }

    [Fact]
    public async Task GroupsCreateHelpTakesTheNameCommentAndParent()
    {
        var help = await HelpAsync("groups", "create");

        Assert.Equal("Creates a group.", Description(help));
        Assert.Equal("groups create <NAME> [options]", Usage(help));
        Assert.Contains("<NAME> The new group's name.", help);
        Assert.Contains(Backend, help);
        Assert.Contains("--comment <TEXT> The group's comment, where the server has one.", help);
        Assert.Contains("--parent <ID> The parent group's id, where the server has a hierarchy (a MinApp supergroup).", help);
    }

    [Fact]
    public async Task GroupsUpdateHelpTakesTheNewNameCommentAndParent()
    {
        var help = await HelpAsync("groups", "update");

        Assert.Equal("Changes a group's name, comment or parent; what is not given keeps its value.", Description(help));
        Assert.Contains(Group, help);
        Assert.Contains(Backend, help);
        Assert.Contains("--name <NAME> The group's new name.", help);
        Assert.Contains("--comment <TEXT> The group's new comment.", help);
        Assert.Contains("--parent <ID> The group's new parent id.", help);
    }

    [Fact]
    public async Task GroupsDeleteHelpTakesTheGroupsName()
    {
        var help = await HelpAsync("groups", "delete");

        Assert.Equal("Deletes a group, by name.", Description(help));
        Assert.Contains(Group, help);
        Assert.Contains(Backend, help);
    }

    [Fact]
    public async Task MembersHelpListsItsFourCommands()
    {
        var help = await HelpAsync("members");

        Assert.Equal("List and change a group's members, by user name.", Description(help));
        Assert.Contains("list <GROUP> The group's members.", help);
        Assert.Contains("add <GROUP> <USER> Adds users to the group; members already in it stay.", help);
        Assert.Contains("remove <GROUP> <USER> Removes users from the group; names that are not members are ignored.", help);
        Assert.Contains("set <GROUP> <USER> Makes these users the group's exact members (no USER empties it).", help);
    }

    [Fact]
    public async Task MembersListHelpTakesTheGroupsName()
    {
        var help = await HelpAsync("members", "list");

        Assert.Equal("The group's members.", Description(help));
        Assert.Contains(Group, help);
        Assert.Contains(Backend, help);
    }

    [Theory]
    [InlineData("add", "Adds users to the group; members already in it stay.")]
    [InlineData("remove", "Removes users from the group; names that are not members are ignored.")]
    public async Task AddingAndRemovingMembersNeedsAtLeastOneUser(string command, string description)
    {
        var help = await HelpAsync("members", command);

        Assert.Equal(description, Description(help));
        Assert.Equal($"members {command} <GROUP> <USER>... [options]", Usage(help));
        Assert.Contains(Group, help);
        Assert.Contains(Users, help);
        Assert.Contains(Backend, help);
        Assert.Contains(Ids, help);
    }

    [Fact]
    public async Task SettingMembersTakesNoUserToo()
    {
        var help = await HelpAsync("members", "set");

        Assert.Equal("Makes these users the group's exact members (no USER empties it).", Description(help));
        Assert.Equal("members set <GROUP> [<USER>...] [options]", Usage(help));
        Assert.Contains(Users, help);
        Assert.Contains(Ids, help);
    }

    [Fact]
    public async Task ExportHelpOffersAnOutputFile()
    {
        var help = await HelpAsync("export");

        Assert.Equal("The backend's groups as a desired-state file: names, comments, parents and members by user name.", Description(help));
        Assert.Contains(Backend, help);
        Assert.Contains("-o, --output <FILE> Write the file here instead of standard output.", help);
    }

    [Fact]
    public async Task PlanHelpRequiresTheFileAndOffersPruneAndDetailedExitCodes()
    {
        var help = await HelpAsync("plan");

        Assert.Equal("What apply would change, sending nothing.", Description(help));
        Assert.Contains(Backend, help);
        Assert.Contains(File, help);
        Assert.Contains(Prune, help);
        Assert.Contains("--detailed-exitcode Exit 0 when there is nothing to change, 2 when there is, 1 on an error.", help);
    }

    [Fact]
    public async Task ApplyHelpRequiresTheFileAndOffersPruneAndYes()
    {
        var help = await HelpAsync("apply");

        Assert.Equal("Makes the backend match the desired-state file.", Description(help));
        Assert.Contains(Backend, help);
        Assert.Contains(File, help);
        Assert.Contains(Prune, help);
        Assert.Contains(Yes, help);
    }

    [Fact]
    public async Task SyncHelpRequiresBothBackendsAndOffersMembersPruneDryRunAndYes()
    {
        var help = await HelpAsync("sync");

        Assert.Equal("Makes the target's groups match the source's: names and comments, and members with --members.", Description(help));
        Assert.Contains("--from <NAME> (REQUIRED) The source backend.", help);
        Assert.Contains("--to <NAME> (REQUIRED) The target backend.", help);
        Assert.Contains("--members Sync the members too, matched by unique user name.", help);
        Assert.Contains(Prune, help);
        Assert.Contains("--dry-run Show what would change, sending nothing.", help);
        Assert.Contains(Yes, help);
    }

    [Fact]
    public async Task TheToolsHelpDescribesItAndItsConfigAndJsonOptions()
    {
        var help = Joined(await HelpAsync());

        Assert.Contains("ugc: user groups on JumpServer, MinApp, Kylin and Owl servers, from the backends of a configuration file.", help, StringComparison.Ordinal);
        Assert.Contains("--config <FILE> The configuration file (default: ./ugc.json, then ugc/ugc.json in the user's configuration folder). UGC_* environment variables override it.", help, StringComparison.Ordinal);
        Assert.Contains("--json Print one JSON document (the schema in docs/cli.md) instead of tables.", help, StringComparison.Ordinal);
        Assert.True(help.Contains("emulator <JumpServer|Kylin|MinApp|OwlHostGroups|OwlUserGroups> Runs an emulated server on 127.0.0.1 until Ctrl+C, printing its address, credentials and a backend entry for ugc.json.", StringComparison.Ordinal), help);
    }

    [Fact]
    public async Task TheEmulatorsHelpDescribesItsDialectPortAndKylinFlavor()
    {
        var help = Joined(await HelpAsync("emulator"));

        Assert.Contains("Runs an emulated server on 127.0.0.1 until Ctrl+C, printing its address, credentials and a backend entry for ugc.json.", help, StringComparison.Ordinal);
        Assert.Contains("Which server to emulate: JumpServer, MinApp, Kylin (see --kylin-flavor), OwlHostGroups or OwlUserGroups (both start the Owl emulator).", help, StringComparison.Ordinal);
        Assert.Contains("--port <N> The port on 127.0.0.1 to listen on; 0 (the default) takes a free one.", help, StringComparison.Ordinal);
        Assert.Contains("--kylin-flavor <FLAVOR> With Kylin: which Kylin the emulator plays (Kap3, the default, Apache3, Apache4, KyligenceEnterprise4 or Kylin5); the printed entry names that flavor.", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABackendCommandsHelpShowsTheRequiredBackendOptionAndTheGlobalOnes()
    {
        var help = Joined(await HelpAsync("groups", "list"));

        Assert.Contains("-b, --backend <NAME> (REQUIRED) The backend's name in the configuration.", help, StringComparison.Ordinal);
        Assert.Contains("--config <FILE> The configuration file", help, StringComparison.Ordinal);
        Assert.Contains("--json Print one JSON document", help, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<string>> HelpAsync(params string[] command)
    {
        using var ugc = new Ugc();
        var result = await ugc.RunAsync([.. command, "--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        return result.Output.Split('\n').Select(line => Padding().Replace(line.Trim(), " ")).ToList();
    }

    /// <summary>The line under "Usage:", without the program's name (the test host's, run in-process).</summary>
    private static string Usage(IReadOnlyList<string> help) => help[help.ToList().IndexOf("Usage:") + 1].Split(' ', 2)[1];

    /// <summary>The line under "Description:".</summary>
    private static string Description(IReadOnlyList<string> help) => help[help.ToList().IndexOf("Description:") + 1];

    /// <summary>The help as one text with every run of white space one space, for descriptions that wrap.</summary>
    private static string Joined(IReadOnlyList<string> help) => WhiteSpace().Replace(string.Join(' ', help), " ");

    [GeneratedRegex(" {2,}")]
    private static partial Regex Padding();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
