using UserGroupClient;

namespace PackageConsumer;

/// <summary>One dialect's round trip through <see cref="IUserGroupService"/>: create, members, list, find, delete.</summary>
internal static class RoundTrip
{
    public static async Task RunAsync(string dialect, List<string> failures, Func<Task> body)
    {
        try
        {
            await body();
            Console.WriteLine($"package-consumer: {dialect} ok");
        }
        catch (Exception exception)
        {
            failures.Add($"{dialect}: {exception}");
        }
    }

    public static async Task ExerciseAsync(IUserGroupService groups, IReadOnlyList<string> memberIds, CancellationToken cancellationToken)
    {
        var capabilities = groups.Capabilities;
        var name = $"consumer-{Guid.NewGuid().ToString("N")[..8]}";
        var created = await groups.CreateGroupAsync(
            new NewUserGroup(name) { Comment = capabilities.SupportsComment ? "made by the package consumer" : null },
            cancellationToken);
        Expect(created.Name == name, $"{capabilities.Dialect}: created group is named '{created.Name}', not '{name}'");

        await groups.AddMembersAsync(created.Id, memberIds, cancellationToken);
        var members = await ToListAsync(groups.ListMembersAsync(created.Id, cancellationToken), cancellationToken);
        Expect(
            memberIds.All(id => members.Any(member => member.Id == id)),
            $"{capabilities.Dialect}: members are [{string.Join(", ", members.Select(m => m.Id))}], expected [{string.Join(", ", memberIds)}]");

        var listed = await ToListAsync(groups.ListGroupsAsync(cancellationToken: cancellationToken), cancellationToken);
        Expect(listed.Any(group => group.Id == created.Id), $"{capabilities.Dialect}: the new group is missing from the list");
        Expect((await groups.FindGroupByNameAsync(name, cancellationToken))?.Id == created.Id, $"{capabilities.Dialect}: the new group is not found by name");

        // Some servers (Owl host groups) refuse to delete a group that still has members.
        await groups.RemoveMembersAsync(created.Id, memberIds, cancellationToken);
        await groups.DeleteGroupAsync(created.Id, cancellationToken);
        listed = await ToListAsync(groups.ListGroupsAsync(cancellationToken: cancellationToken), cancellationToken);
        Expect(listed.All(group => group.Id != created.Id), $"{capabilities.Dialect}: the deleted group is still listed");
        Expect(await groups.FindGroupByNameAsync(name, cancellationToken) is null, $"{capabilities.Dialect}: the deleted group is still found by name");
    }

    private static void Expect(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException(failure);
        }
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            list.Add(item);
        }

        return list;
    }
}
