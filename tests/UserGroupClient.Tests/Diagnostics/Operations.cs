namespace UserGroupClient.Tests.Diagnostics;

/// <summary>One operation of <see cref="IUserGroupService"/>, called with fixed arguments.</summary>
/// <param name="Name">The operation's name, as its span and the fake dialect name it.</param>
/// <param name="GroupId">The one group the operation is about, if any.</param>
/// <param name="Arguments">The arguments the call passes, in order, before its token.</param>
/// <param name="Invoke">Calls the operation and returns what it returned: a task or a stream.</param>
internal sealed record Operation(string Name, string? GroupId, object?[] Arguments, Func<IUserGroupService, CancellationToken, object> Invoke)
{
    /// <summary>Calls the operation and awaits it, reading a stream to its end.</summary>
    public async Task RunAsync(IUserGroupService service, CancellationToken cancellationToken = default)
    {
        switch (Invoke(service, cancellationToken))
        {
            case Task task:
                await task;
                break;
            case IAsyncEnumerable<UserGroup> groups:
                await Streams.ReadAsync(groups);
                break;
            case IAsyncEnumerable<GroupMember> members:
                await Streams.ReadAsync(members);
                break;
        }
    }

    public override string ToString() => Name;
}

/// <summary>Every operation of <see cref="IUserGroupService"/>, by name.</summary>
internal static class Operations
{
    public const string GroupId = "7";

    private static readonly UserGroupQuery Query = new() { Search = "ops" };
    private static readonly NewUserGroup NewGroup = new("ops");
    private static readonly UserGroupUpdate Update = new() { Name = "ops2" };
    private static readonly string[] GroupIds = ["7", "8"];
    private static readonly string[] MemberIds = ["u1", "u2"];

    public static IReadOnlyList<Operation> All { get; } =
    [
        new("ListGroups", null, [Query], (s, ct) => s.ListGroupsAsync(Query, ct)),
        new("GetGroup", GroupId, [GroupId], (s, ct) => s.GetGroupAsync(GroupId, ct)),
        new("FindGroupByName", null, ["ops"], (s, ct) => s.FindGroupByNameAsync("ops", ct)),
        new("CreateGroup", null, [NewGroup], (s, ct) => s.CreateGroupAsync(NewGroup, ct)),
        new("UpdateGroup", GroupId, [GroupId, Update], (s, ct) => s.UpdateGroupAsync(GroupId, Update, ct)),
        new("DeleteGroup", GroupId, [GroupId], (s, ct) => s.DeleteGroupAsync(GroupId, ct)),
        new("DeleteGroups", null, [GroupIds], (s, ct) => s.DeleteGroupsAsync(GroupIds, ct)),
        new("ListMembers", GroupId, [GroupId], (s, ct) => s.ListMembersAsync(GroupId, ct)),
        new("AddMembers", GroupId, [GroupId, MemberIds], (s, ct) => s.AddMembersAsync(GroupId, MemberIds, ct)),
        new("RemoveMembers", GroupId, [GroupId, MemberIds], (s, ct) => s.RemoveMembersAsync(GroupId, MemberIds, ct)),
        new("SetMembers", GroupId, [GroupId, MemberIds], (s, ct) => s.SetMembersAsync(GroupId, MemberIds, ct)),
    ];

    public static TheoryData<string> Names => new(All.Select(o => o.Name));

    /// <summary>The operations answered by a task (the others stream).</summary>
    public static TheoryData<string> Answered => new(All.Where(o => !o.Name.StartsWith("List", StringComparison.Ordinal)).Select(o => o.Name));

    public static TheoryData<string> OnOneGroup => new(All.Where(o => o.GroupId is not null).Select(o => o.Name));

    public static TheoryData<string> OnNoOneGroup => new(All.Where(o => o.GroupId is null).Select(o => o.Name));

    public static Operation Named(string name) => All.Single(o => o.Name == name);
}

/// <summary>Reads streams with a bound, so that a stream that never ends fails the test instead of hanging it.</summary>
internal static class Streams
{
    public static async Task<List<T>> ReadAsync<T>(IAsyncEnumerable<T> items, int atMost = 100)
    {
        var read = new List<T>();
        await foreach (var item in items)
        {
            read.Add(item);
            if (read.Count == atMost)
            {
                break;
            }
        }

        return read;
    }
}
