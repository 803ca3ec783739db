using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace UserGroupClient.Tests.Diagnostics;

/// <summary>
/// A dialect stand-in for the span decorator: it answers every operation a moment later (after a yield), records each
/// call with its arguments, token and the span current when the call arrived, and streams its groups and members with
/// the span current when each item is fetched. With <see cref="Failure"/> set, every operation fails with it (a stream
/// after its first <see cref="ItemsBeforeFailure"/> items); with <see cref="UsageError"/> set, every call throws it
/// before it returns.
/// </summary>
internal sealed class FakeUserGroupService : IUserGroupService
{
    public UserGroupCapabilities Capabilities { get; } = new() { Dialect = "Fake" };

    public UserGroup Group { get; } = new("7", "ops");

    public IReadOnlyList<UserGroup> Groups { get; } = [new("7", "ops"), new("8", "dev"), new("9", "qa")];

    public IReadOnlyList<GroupMember> Members { get; } = [new("u1", "Ann"), new("u2", "Bo")];

    public Exception? Failure { get; set; }

    public int ItemsBeforeFailure { get; set; }

    /// <summary>Thrown by every call itself, before a task or stream exists: a dialect refusing an argument.</summary>
    public Exception? UsageError { get; set; }

    public List<FakeCall> Calls { get; } = [];

    /// <summary>What the last call returned: its task or its stream.</summary>
    public object? Returned { get; private set; }

    /// <summary>The token each stream was enumerated with.</summary>
    public List<CancellationToken> StreamTokens { get; } = [];

    /// <summary>The span current when each streamed item was fetched (where a page request would be sent).</summary>
    public List<Activity?> ItemFetchSpans { get; } = [];

    /// <summary>How many streams were ended or abandoned and released.</summary>
    public int StreamsReleased { get; private set; }

    public IAsyncEnumerable<UserGroup> ListGroupsAsync(UserGroupQuery? query = null, CancellationToken cancellationToken = default) =>
        Stream("ListGroups", Groups, cancellationToken, query);

    public Task<UserGroup> GetGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        Answer("GetGroup", Group, cancellationToken, groupId);

    public Task<UserGroup?> FindGroupByNameAsync(string name, CancellationToken cancellationToken = default) =>
        Answer<UserGroup?>("FindGroupByName", name == Group.Name ? Group : null, cancellationToken, name);

    public Task<UserGroup> CreateGroupAsync(NewUserGroup group, CancellationToken cancellationToken = default) =>
        Answer("CreateGroup", Group, cancellationToken, group);

    public Task<UserGroup> UpdateGroupAsync(string groupId, UserGroupUpdate update, CancellationToken cancellationToken = default) =>
        Answer("UpdateGroup", Group, cancellationToken, groupId, update);

    public Task DeleteGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        Answer("DeleteGroup", true, cancellationToken, groupId);

    public Task DeleteGroupsAsync(IEnumerable<string> groupIds, CancellationToken cancellationToken = default) =>
        Answer("DeleteGroups", true, cancellationToken, groupIds);

    public IAsyncEnumerable<GroupMember> ListMembersAsync(string groupId, CancellationToken cancellationToken = default) =>
        Stream("ListMembers", Members, cancellationToken, groupId);

    public Task AddMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default) =>
        Answer("AddMembers", true, cancellationToken, groupId, memberIds);

    public Task RemoveMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default) =>
        Answer("RemoveMembers", true, cancellationToken, groupId, memberIds);

    public Task SetMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default) =>
        Answer("SetMembers", true, cancellationToken, groupId, memberIds);

    private Task<T> Answer<T>(string operation, T value, CancellationToken cancellationToken, params object?[] arguments)
    {
        Calls.Add(new FakeCall(operation, arguments, Activity.Current, cancellationToken));
        if (UsageError is not null)
        {
            throw UsageError;
        }

        var answer = Later(value);
        Returned = answer;
        return answer;
    }

    private async Task<T> Later<T>(T value)
    {
        await Task.Yield();
        return Failure is null ? value : throw Failure;
    }

    private IAsyncEnumerable<T> Stream<T>(string operation, IReadOnlyList<T> items, CancellationToken cancellationToken, params object?[] arguments)
    {
        Calls.Add(new FakeCall(operation, arguments, Activity.Current, cancellationToken));
        if (UsageError is not null)
        {
            throw UsageError;
        }

        var stream = StreamItems(items, cancellationToken);
        Returned = stream;
        return stream;
    }

    private async IAsyncEnumerable<T> StreamItems<T>(IReadOnlyList<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        StreamTokens.Add(cancellationToken);
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                ItemFetchSpans.Add(Activity.Current);
                if (Failure is not null && i == ItemsBeforeFailure)
                {
                    throw Failure;
                }

                yield return items[i];
            }
        }
        finally
        {
            StreamsReleased++;
        }
    }
}

/// <summary>One call the fake dialect received.</summary>
internal sealed record FakeCall(string Operation, object?[] Arguments, Activity? Span, CancellationToken Token);
