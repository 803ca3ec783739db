using UserGroupClient;

namespace Quickstart;

/// <summary>The tour of <see cref="IUserGroupService"/> every target runs: create, add members, page, rename, delete.</summary>
internal sealed class Tour
{
    private readonly IUserGroupService _groups;
    private readonly IReadOnlyList<string> _memberIds;
    private readonly TextWriter _output;
    private readonly string _prefix = $"ugc-quickstart-{Guid.NewGuid().ToString("N")[..6]}";

    public Tour(IUserGroupService groups, IReadOnlyList<string> memberIds, TextWriter output)
    {
        _groups = groups;
        _memberIds = memberIds;
        _output = output;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var capabilities = _groups.Capabilities;
        _output.WriteLine($"Dialect {capabilities.Dialect}: rename={capabilities.SupportsRename}, hierarchy={capabilities.SupportsHierarchy}, native bulk delete={capabilities.NativeBulkDelete}");

        var created = new List<UserGroup>();
        foreach (var index in Enumerable.Range(1, 12))
        {
            created.Add(await _groups.CreateGroupAsync(new NewUserGroup($"{_prefix}-{index:00}") { Comment = capabilities.SupportsComment ? $"Quickstart group {index}" : null }, cancellationToken));
        }

        _output.WriteLine($"Created {created.Count} groups.");
        var first = created[0];
        if (_memberIds.Count > 0)
        {
            await _groups.AddMembersAsync(first.Id, _memberIds, cancellationToken);
            await _groups.AddMembersAsync(first.Id, _memberIds.Take(1), cancellationToken);
            var members = await ToListAsync(_groups.ListMembersAsync(first.Id, cancellationToken), cancellationToken);
            _output.WriteLine($"Members of {first.Name}:");
            Table.Write(_output, ["Id", "Name"], members.Select(m => new[] { m.Id, m.Name ?? "" }));
        }
        else
        {
            _output.WriteLine("No member ids were given: the member steps are skipped.");
        }

        _output.WriteLine($"Groups named {_prefix}-*, fetched 5 per page:");
        var listed = await ToListAsync(_groups.ListGroupsAsync(new UserGroupQuery { Search = _prefix, PageSize = 5 }, cancellationToken), cancellationToken);
        Table.Write(_output, ["Id", "Name", "Members", "Comment"], listed.Select(g => new[] { g.Id, g.Name, g.MemberCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", g.Comment ?? "" }));

        if (capabilities.SupportsRename)
        {
            var renamed = await _groups.UpdateGroupAsync(first.Id, new UserGroupUpdate { Name = $"{_prefix}-renamed" }, cancellationToken);
            var found = await _groups.FindGroupByNameAsync(renamed.Name, cancellationToken);
            _output.WriteLine($"Renamed {first.Name} to {renamed.Name}; found by name: {found is not null}.");
        }

        await _groups.DeleteGroupAsync(first.Id, cancellationToken);
        await _groups.DeleteGroupsAsync(created.Skip(1).Select(g => g.Id), cancellationToken);
        var left = await ToListAsync(_groups.ListGroupsAsync(new UserGroupQuery { Search = _prefix }, cancellationToken), cancellationToken);
        _output.WriteLine($"Deleted all {created.Count} groups; {left.Count} left.");
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
