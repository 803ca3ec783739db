using System.CommandLine;
using UserGroupClient.Cli.Backends;
using UserGroupClient.Cli.Output;

namespace UserGroupClient.Cli.Commands;

/// <summary>
/// <c>ugc members list|add|remove|set --backend NAME GROUP [USER…]</c>: users by their unique name, resolved through the
/// backend's user directory before anything is changed (<see cref="MemberNames"/>).
/// </summary>
internal static class MembersCommand
{
    private delegate Task Change(IUserGroupService groups, string groupId, IReadOnlyList<string> memberIds, CancellationToken cancellationToken);

    public static Command Create(GlobalOptions options, UgcConsole console) => new("members", "List and change a group's members, by user name.")
    {
        List(options, console),
        Changing("add", "Adds users to the group; members already in it stay.", (g, id, m, ct) => g.AddMembersAsync(id, m, ct), options, console),
        Changing("remove", "Removes users from the group; names that are not members are ignored.", (g, id, m, ct) => g.RemoveMembersAsync(id, m, ct), options, console),
        Changing("set", "Makes these users the group's exact members (no USER empties it).", (g, id, m, ct) => g.SetMembersAsync(id, m, ct), options, console, allowNone: true),
    };

    private static Command List(GlobalOptions options, UgcConsole console)
    {
        var backend = GlobalOptions.Backend();
        var group = GroupArgument.Create();
        var command = new Command("list", "The group's members.") { backend, group };
        CommandRun.Action(command, options, console, async (run, parse, cancellationToken) =>
        {
            var target = run.Session.Backend(parse.GetRequiredValue(backend));
            var groups = run.Session.Groups(target);
            var found = await GroupArgument.FindAsync(groups, target, parse.GetRequiredValue(group), cancellationToken);
            var members = await MembersAsync(groups, found, cancellationToken);
            if (run.Output.Json)
            {
                run.Output.Write(new MembersJson(target.Name, GroupJson.Of(found), members), CliJsonContext.Default.MembersJson);
            }
            else
            {
                run.Output.Write(Table(members));
            }

            return CommandRun.Success;
        });
        return command;
    }

    private static Command Changing(string name, string description, Change change, GlobalOptions options, UgcConsole console, bool allowNone = false)
    {
        var backend = GlobalOptions.Backend();
        var group = GroupArgument.Create();
        var users = new Argument<string[]>("USER")
        {
            Description = "User names (Owl host groups: host names).",
            Arity = allowNone ? ArgumentArity.ZeroOrMore : ArgumentArity.OneOrMore,
        };
        var ids = new Option<bool>("--ids") { Description = "USER values are member ids, not names (MinApp has no unique user name: its user_id)." };
        var command = new Command(name, description) { backend, group, users, ids };
        CommandRun.Action(command, options, console, async (run, parse, cancellationToken) =>
        {
            var target = run.Session.Backend(parse.GetRequiredValue(backend));
            var groups = run.Session.Groups(target);
            var found = await GroupArgument.FindAsync(groups, target, parse.GetRequiredValue(group), cancellationToken);
            // Without a USER (set only) the argument reads as an empty array, never null.
            var memberIds = await MemberNames.ResolveAsync(run.Session, target, parse.GetValue(users)!, parse.GetValue(ids), cancellationToken);
            var before = await MembersAsync(groups, found, cancellationToken);
            await change(groups, found.Id, memberIds, cancellationToken);
            var after = await MembersAsync(groups, found, cancellationToken);
            var added = after.Where(m => !before.Any(b => b.Id == m.Id)).ToList();
            var removed = before.Where(m => !after.Any(a => a.Id == m.Id)).ToList();
            if (run.Output.Json)
            {
                run.Output.Write(new MemberChangeJson(target.Name, GroupJson.Of(found), added, removed, after), CliJsonContext.Default.MemberChangeJson);
            }
            else
            {
                run.Output.Line($"{found.Name} on {target.Name}: {added.Count} added, {removed.Count} removed, {after.Count} members.");
            }

            return CommandRun.Success;
        });
        return command;
    }

    private static async Task<List<MemberJson>> MembersAsync(IUserGroupService groups, UserGroup group, CancellationToken cancellationToken) =>
        await groups.ListMembersAsync(group.Id, cancellationToken).Select(MemberJson.Of).ToListAsync(cancellationToken);

    private static Spectre.Console.Table Table(IEnumerable<MemberJson> members)
    {
        var table = CliOutput.Table("Id", "User name", "Name");
        foreach (var member in members)
        {
            CliOutput.Row(table, member.Id, member.UserName, member.Name);
        }

        return table;
    }
}
