using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace UserGroupClient.Diagnostics;

/// <summary>Wraps a dialect's <see cref="IUserGroupService"/> with one span per operation (<c>UserGroupClient.&lt;Operation&gt;</c>).</summary>
internal sealed class InstrumentedUserGroupService : IUserGroupService
{
    private readonly IUserGroupService _inner;

    public InstrumentedUserGroupService(IUserGroupService inner) => _inner = inner;

    public UserGroupCapabilities Capabilities => _inner.Capabilities;

    // With no listener there is no span to open: the call goes straight through, without a task and a closure of
    // this wrapper's own.
    private static bool Traced => UserGroupClientTelemetry.ActivitySource.HasListeners();

    public IAsyncEnumerable<UserGroup> ListGroupsAsync(UserGroupQuery? query = null, CancellationToken cancellationToken = default) =>
        Traced ? TraceAsync("ListGroups", null, _inner.ListGroupsAsync(query, cancellationToken), cancellationToken) : _inner.ListGroupsAsync(query, cancellationToken);

    public Task<UserGroup> GetGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        Traced ? TraceAsync("GetGroup", groupId, () => _inner.GetGroupAsync(groupId, cancellationToken)) : _inner.GetGroupAsync(groupId, cancellationToken);

    public Task<UserGroup?> FindGroupByNameAsync(string name, CancellationToken cancellationToken = default) =>
        Traced ? TraceAsync("FindGroupByName", null, () => _inner.FindGroupByNameAsync(name, cancellationToken)) : _inner.FindGroupByNameAsync(name, cancellationToken);

    public Task<UserGroup> CreateGroupAsync(NewUserGroup group, CancellationToken cancellationToken = default) =>
        Traced ? TraceAsync("CreateGroup", null, () => _inner.CreateGroupAsync(group, cancellationToken)) : _inner.CreateGroupAsync(group, cancellationToken);

    public Task<UserGroup> UpdateGroupAsync(string groupId, UserGroupUpdate update, CancellationToken cancellationToken = default) =>
        Traced ? TraceAsync("UpdateGroup", groupId, () => _inner.UpdateGroupAsync(groupId, update, cancellationToken)) : _inner.UpdateGroupAsync(groupId, update, cancellationToken);

    public Task DeleteGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        Traced ? TraceAsync("DeleteGroup", groupId, () => _inner.DeleteGroupAsync(groupId, cancellationToken)) : _inner.DeleteGroupAsync(groupId, cancellationToken);

    public Task DeleteGroupsAsync(IEnumerable<string> groupIds, CancellationToken cancellationToken = default) =>
        Traced ? TraceAsync("DeleteGroups", null, () => _inner.DeleteGroupsAsync(groupIds, cancellationToken)) : _inner.DeleteGroupsAsync(groupIds, cancellationToken);

    public IAsyncEnumerable<GroupMember> ListMembersAsync(string groupId, CancellationToken cancellationToken = default) =>
        Traced ? TraceAsync("ListMembers", groupId, _inner.ListMembersAsync(groupId, cancellationToken), cancellationToken) : _inner.ListMembersAsync(groupId, cancellationToken);

    public Task AddMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default) =>
        Traced ? TraceAsync("AddMembers", groupId, () => _inner.AddMembersAsync(groupId, memberIds, cancellationToken)) : _inner.AddMembersAsync(groupId, memberIds, cancellationToken);

    public Task RemoveMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default) =>
        Traced ? TraceAsync("RemoveMembers", groupId, () => _inner.RemoveMembersAsync(groupId, memberIds, cancellationToken)) : _inner.RemoveMembersAsync(groupId, memberIds, cancellationToken);

    public Task SetMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default) =>
        Traced ? TraceAsync("SetMembers", groupId, () => _inner.SetMembersAsync(groupId, memberIds, cancellationToken)) : _inner.SetMembersAsync(groupId, memberIds, cancellationToken);

    private Activity? Start(string operation, string? groupId)
    {
        var activity = UserGroupClientTelemetry.ActivitySource.StartActivity("UserGroupClient." + operation, ActivityKind.Internal);
        activity?.SetTag("usergroupclient.dialect", _inner.Capabilities.Dialect);
        if (groupId is not null)
        {
            activity?.SetTag("usergroupclient.group_id", groupId);
        }

        return activity;
    }

    // The dialect is called before this returns, as it is with nobody listening: an argument it refuses is thrown to the
    // caller at once, not handed back in a faulted task only while a listener is attached. The span is current for the
    // call (the dialect's tasks carry it on) and the caller's again once the call has returned or thrown.
    private Task TraceAsync(string operation, string? groupId, Func<Task> run) => EndAsync(Call(operation, groupId, run, out var task), task);

    private Task<T> TraceAsync<T>(string operation, string? groupId, Func<Task<T>> run) => EndAsync(Call(operation, groupId, run, out var task), task);

    private Activity? Call<TTask>(string operation, string? groupId, Func<TTask> run, out TTask task)
    {
        var caller = Activity.Current;
        var activity = Start(operation, groupId);
        try
        {
            task = run();
            return activity;
        }
        catch (Exception exception)
        {
            Fail(activity, exception);
            activity?.Dispose();
            throw;
        }
        finally
        {
            Activity.Current = caller;
        }
    }

    private static async Task EndAsync(Activity? activity, Task task)
    {
        using (activity)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                Fail(activity, exception);
                throw;
            }
        }
    }

    private static async Task<T> EndAsync<T>(Activity? activity, Task<T> task)
    {
        using (activity)
        {
            try
            {
                return await task.ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                Fail(activity, exception);
                throw;
            }
        }
    }

    private async IAsyncEnumerable<T> TraceAsync<T>(string operation, string? groupId, IAsyncEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var activity = Start(operation, groupId);
        var enumerator = items.GetAsyncEnumerator(cancellationToken);
        await using var disposal = enumerator.ConfigureAwait(false);
        while (true)
        {
            T item;
            try
            {
                // An async iterator resumes in its caller's context, where the caller's span is current again: the
                // pages the dialect fetches after the first belong to this span too.
                if (activity is not null)
                {
                    Activity.Current = activity;
                }

                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }

                item = enumerator.Current;
            }
            catch (Exception exception)
            {
                Fail(activity, exception);
                throw;
            }

            yield return item;
        }
    }

    // The exception's type only: its message can quote what the server answered.
    private static void Fail(Activity? activity, Exception exception)
    {
        activity?.SetTag("error.type", exception.GetType().FullName);
        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
    }
}
