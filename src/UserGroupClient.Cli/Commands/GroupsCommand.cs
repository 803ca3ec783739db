using System.CommandLine;
using UserGroupClient.Cli.Output;

namespace UserGroupClient.Cli.Commands;

/// <summary><c>ugc groups list|get|create|update|delete --backend NAME …</c>.</summary>
internal static class GroupsCommand
{
    public static Command Create(GlobalOptions options, UgcConsole console) => new("groups", "List, show, create, change and delete a backend's groups.")
    {
        List(options, console),
        Get(options, console),
        CreateGroup(options, console),
        Update(options, console),
        Delete(options, console),
    };

    private static Command List(GlobalOptions options, UgcConsole console)
    {
        var backend = GlobalOptions.Backend();
        var search = new Option<string?>("--search") { Description = "Only the groups whose name contains this text (as the server searches).", HelpName = "TEXT" };
        var command = new Command("list", "The backend's groups.") { backend, search };
        CommandRun.Action(command, options, console, async (run, parse, cancellationToken) =>
        {
            var target = run.Session.Backend(parse.GetRequiredValue(backend));
            var query = parse.GetValue(search) is { } text ? new UserGroupQuery { Search = text } : null;
            var groups = await run.Session.Groups(target).ListGroupsAsync(query, cancellationToken).Select(GroupJson.Of).ToListAsync(cancellationToken);
            if (run.Output.Json)
            {
                run.Output.Write(new GroupsJson(target.Name, groups), CliJsonContext.Default.GroupsJson);
            }
            else
            {
                run.Output.Write(Table(groups));
            }

            return CommandRun.Success;
        });
        return command;
    }

    private static Command Get(GlobalOptions options, UgcConsole console)
    {
        var backend = GlobalOptions.Backend();
        var group = GroupArgument.Create();
        var command = new Command("get", "One group, by name.") { backend, group };
        CommandRun.Action(command, options, console, async (run, parse, cancellationToken) =>
        {
            var target = run.Session.Backend(parse.GetRequiredValue(backend));
            var found = await GroupArgument.FindAsync(run.Session.Groups(target), target, parse.GetRequiredValue(group), cancellationToken);
            WriteGroup(run, target, found);
            return CommandRun.Success;
        });
        return command;
    }

    private static Command CreateGroup(GlobalOptions options, UgcConsole console)
    {
        var backend = GlobalOptions.Backend();
        var name = new Argument<string>("NAME") { Description = "The new group's name." };
        var comment = new Option<string?>("--comment") { Description = "The group's comment, where the server has one.", HelpName = "TEXT" };
        var parent = new Option<string?>("--parent") { Description = "The parent group's id, where the server has a hierarchy (a MinApp supergroup).", HelpName = "ID" };
        var command = new Command("create", "Creates a group.") { backend, name, comment, parent };
        CommandRun.Action(command, options, console, async (run, parse, cancellationToken) =>
        {
            var target = run.Session.Backend(parse.GetRequiredValue(backend));
            var created = await run.Session.Groups(target).CreateGroupAsync(
                new NewUserGroup(parse.GetRequiredValue(name)) { Comment = parse.GetValue(comment), ParentId = parse.GetValue(parent) },
                cancellationToken);
            WriteGroup(run, target, created);
            return CommandRun.Success;
        });
        return command;
    }

    private static Command Update(GlobalOptions options, UgcConsole console)
    {
        var backend = GlobalOptions.Backend();
        var group = GroupArgument.Create();
        var rename = new Option<string?>("--name") { Description = "The group's new name.", HelpName = "NAME" };
        var comment = new Option<string?>("--comment") { Description = "The group's new comment.", HelpName = "TEXT" };
        var parent = new Option<string?>("--parent") { Description = "The group's new parent id.", HelpName = "ID" };
        var command = new Command("update", "Changes a group's name, comment or parent; what is not given keeps its value.") { backend, group, rename, comment, parent };
        CommandRun.Action(command, options, console, async (run, parse, cancellationToken) =>
        {
            var target = run.Session.Backend(parse.GetRequiredValue(backend));
            var update = new UserGroupUpdate { Name = parse.GetValue(rename), Comment = parse.GetValue(comment), ParentId = parse.GetValue(parent) };
            if (update.Name is null && update.Comment is null && update.ParentId is null)
            {
                throw new UgcException("Nothing to change: give --name, --comment or --parent.");
            }

            var groups = run.Session.Groups(target);
            var found = await GroupArgument.FindAsync(groups, target, parse.GetRequiredValue(group), cancellationToken);
            WriteGroup(run, target, await groups.UpdateGroupAsync(found.Id, update, cancellationToken));
            return CommandRun.Success;
        });
        return command;
    }

    private static Command Delete(GlobalOptions options, UgcConsole console)
    {
        var backend = GlobalOptions.Backend();
        var group = GroupArgument.Create();
        var command = new Command("delete", "Deletes a group, by name.") { backend, group };
        CommandRun.Action(command, options, console, async (run, parse, cancellationToken) =>
        {
            var target = run.Session.Backend(parse.GetRequiredValue(backend));
            var groups = run.Session.Groups(target);
            var found = await GroupArgument.FindAsync(groups, target, parse.GetRequiredValue(group), cancellationToken);
            await groups.DeleteGroupAsync(found.Id, cancellationToken);
            if (run.Output.Json)
            {
                run.Output.Write(new DeletedGroupJson(target.Name, GroupJson.Of(found)), CliJsonContext.Default.DeletedGroupJson);
            }
            else
            {
                run.Output.Line($"Deleted group '{found.Name}' ({found.Id}) from {target.Name}.");
            }

            return CommandRun.Success;
        });
        return command;
    }

    private static void WriteGroup(CommandRun run, UserGroupBackend backend, UserGroup group)
    {
        if (run.Output.Json)
        {
            run.Output.Write(new GroupResultJson(backend.Name, GroupJson.Of(group)), CliJsonContext.Default.GroupResultJson);
        }
        else
        {
            run.Output.Write(Table([GroupJson.Of(group)]));
        }
    }

    private static Spectre.Console.Table Table(IEnumerable<GroupJson> groups)
    {
        var table = CliOutput.Table("Id", "Name", "Comment", "Parent", "Members");
        foreach (var group in groups)
        {
            CliOutput.Row(table, group.Id, group.Name, group.Comment, group.ParentId, group.MemberCount?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return table;
    }
}
