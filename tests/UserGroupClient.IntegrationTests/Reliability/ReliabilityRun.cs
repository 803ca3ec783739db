using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;
using Xunit.Sdk;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.IntegrationTests.Reliability;

/// <summary>
/// Drives a seeded random mix of facade operations against an emulator that faults a share of the requests, and keeps
/// a model of every group and membership. After each operation the emulator's own state is read: after a success it
/// must equal the model with the operation applied; after a failure (which must be a <see cref="UserGroupApiException"/>
/// or a <see cref="TimeoutException"/>) it must be the state before, the state after, or an intermediate the facade
/// documents for that multi-step operation. The model then adopts what the emulator holds.
/// </summary>
internal sealed class ReliabilityRun
{
    private const int MaxGroups = 30;

    private readonly ReliabilityTarget _target;
    private readonly IUserGroupService _service;
    private readonly Random _random;
    private readonly List<string> _owned = [];
    private readonly List<string> _gone = [];
    private readonly Dictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private Dictionary<string, GroupState> _model;
    private int _names;
    private int _operation;

    private ReliabilityRun(ReliabilityTarget target, int seed)
    {
        _target = target;
        _service = target.Service;
        _random = new Random(seed);
        _model = target.ReadState();
    }

    public static async Task RunAsync(ReliabilityTarget target, int seed, int operations, double faultProbability, ITestOutputHelper output)
    {
        var run = new ReliabilityRun(target, seed);
        target.Faults.EnableRandom(new RandomFaultSettings
        {
            Seed = seed,
            Probability = faultProbability,
            PathPrefix = target.FaultedPathPrefix,
            ExemptPathPrefixes = target.ExemptPathPrefixes,
            MaxRetryAfter = TimeSpan.FromSeconds(1),
        });

        var clock = Stopwatch.StartNew();
        for (run._operation = 0; run._operation < operations; run._operation++)
        {
            await run.NextAsync();
        }

        target.Faults.DisableRandom();
        var final = target.ReadState();
        AssertSame(run._model, final, "the final state");
        AssertUniqueNames(final, "the final state");

        var journal = target.Journal.Entries;
        var faulted = journal.Count(entry => entry.Fault is not null);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{operations} operations in {clock.Elapsed.TotalSeconds:0.0} s; {journal.Count} requests, {faulted} faulted; {final.Count} groups at the end"));
        foreach (var (outcome, count) in run._outcomes.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {outcome}: {count}");
        }

        foreach (var kind in journal.Where(e => e.Fault is not null).GroupBy(e => e.Fault!.Kind).OrderBy(g => g.Key))
        {
            output.WriteLine($"  fault {kind.Key}: {kind.Count()}");
        }

        // The run proves something only if faults really hit it, and both outcomes happened.
        Assert.InRange(faulted, journal.Count / 10, journal.Count / 3);
        Assert.Contains(run._outcomes.Keys, key => key.EndsWith(" ok", StringComparison.Ordinal));
        Assert.Contains(run._outcomes.Keys, key => key.Contains(" failed ", StringComparison.Ordinal));
    }

    private static void AssertSame(IReadOnlyDictionary<string, GroupState> expected, IReadOnlyDictionary<string, GroupState> actual, string when)
    {
        if (new StateCandidate(expected).Matches(actual))
        {
            return;
        }

        throw new XunitException($"After {when} the emulator holds{Environment.NewLine}{Describe(actual)}but the model expects{Environment.NewLine}{Describe(expected)}");
    }

    private static void AssertUniqueNames(IReadOnlyDictionary<string, GroupState> state, string when)
    {
        var duplicates = state.Values.GroupBy(g => g.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"After {when} these group names exist more than once: {string.Join(", ", duplicates)}");
    }

    private static string Describe(IReadOnlyDictionary<string, GroupState> state)
    {
        var text = new StringBuilder();
        foreach (var (id, group) in state.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {id}: {group}{Environment.NewLine}");
        }

        return text.ToString();
    }

    private static Dictionary<string, GroupState> With(IReadOnlyDictionary<string, GroupState> state, string id, GroupState? group)
    {
        var copy = new Dictionary<string, GroupState>(state, StringComparer.Ordinal);
        if (group is null)
        {
            copy.Remove(id);
        }
        else
        {
            copy[id] = group;
        }

        return copy;
    }

    private Task NextAsync()
    {
        if (_owned.Count == 0)
        {
            return CreateAsync();
        }

        var roll = _random.Next(100);
        return roll switch
        {
            < 14 => _owned.Count >= MaxGroups ? DeleteAsync() : CreateAsync(),
            < 24 => GetAsync(),
            < 31 => FindAsync(),
            < 37 => ListAsync(),
            < 45 => UpdateAsync(),
            < 53 => DeleteAsync(),
            < 57 => DeleteManyAsync(),
            < 68 => AddMembersAsync(),
            < 77 => RemoveMembersAsync(),
            < 84 => SetMembersAsync(),
            < 92 => ListMembersAsync(),
            _ => _owned.Count >= MaxGroups ? DeleteAsync() : CreateAsync(),
        };
    }

    private async Task ExecuteAsync(string label, Func<Task<IReadOnlyDictionary<string, GroupState>>> operation, IReadOnlyList<StateCandidate> allowedOnFailure)
    {
        var before = _model;
        var kind = label.Split(' ')[0];
        IReadOnlyDictionary<string, GroupState> actual;
        try
        {
            var expected = await operation();
            actual = _target.ReadState();
            AssertSame(expected, actual, $"operation {_operation} ({label}), which succeeded,");
            Count($"{kind} ok");
        }
        catch (Exception exception) when (exception is not XunitException)
        {
            if (exception is not (UserGroupApiException or TimeoutException))
            {
                throw new XunitException($"Operation {_operation} ({label}) failed with an untyped exception: {exception}");
            }

            actual = _target.ReadState();
            if (!allowedOnFailure.Any(candidate => candidate.Matches(actual)))
            {
                throw new XunitException(
                    $"Operation {_operation} ({label}) failed with {exception.GetType().Name} ({exception.Message}) and left the emulator holding{Environment.NewLine}{Describe(actual)}which is none of the allowed states; before it was{Environment.NewLine}{Describe(before)}");
            }

            Count($"{kind} failed {exception.GetType().Name}");
        }

        AssertUniqueNames(actual, $"operation {_operation} ({label})");
        _owned.AddRange(actual.Keys.Where(id => !before.ContainsKey(id)).Order(StringComparer.Ordinal));
        _gone.AddRange(_owned.Where(id => !actual.ContainsKey(id)));
        _owned.RemoveAll(id => !actual.ContainsKey(id));
        _model = new Dictionary<string, GroupState>(actual, StringComparer.Ordinal);
    }

    private void Count(string outcome) => _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;

    private string PickGroup() => _owned[_random.Next(_owned.Count)];

    private List<string> PickMembers(int min, int max)
    {
        var count = _random.Next(min, max + 1);
        return _target.MemberPool.OrderBy(_ => _random.Next()).Take(count).ToList();
    }

    private string NewName() => _target.NameFor(_names++);

    private Task CreateAsync()
    {
        var name = NewName();
        var members = _random.Next(2) == 0 ? [] : PickMembers(1, 3);
        var comment = _service.Capabilities.SupportsComment && _random.Next(2) == 0 ? "note " + name : null;
        var before = _model;
        var created = GroupState.Of(name, comment, members);
        List<StateCandidate> allowed = [new(before), new(before, created)];
        if (_target.CreateAddsMembersSeparately && members.Count > 0)
        {
            allowed.Add(new(before, created.WithMembers([])));
        }

        return ExecuteAsync(
            $"create {name} members=[{string.Join(',', members)}]",
            async () =>
            {
                UserGroup group;
                try
                {
                    group = await _service.CreateGroupAsync(new NewUserGroup(name) { Comment = comment, MemberIds = members.Count == 0 ? null : members });
                }
                catch (UserGroupConflictException conflict)
                {
                    // Nobody else uses the name: the conflict can only be with this create's own earlier attempt.
                    throw new XunitException($"Creating the unused name {name} ended in a conflict with itself: {conflict.Message}");
                }

                Assert.Equal(name, group.Name);
                Assert.False(before.ContainsKey(group.Id), $"create returned the existing group {group.Id}");
                return With(before, group.Id, created);
            },
            allowed);
    }

    private Task GetAsync()
    {
        var missing = _gone.Count > 0 && _random.Next(8) == 0;
        var id = missing ? _gone[_random.Next(_gone.Count)] : PickGroup();
        var before = _model;
        return ExecuteAsync(
            $"get {id}{(missing ? " (deleted)" : "")}",
            async () =>
            {
                if (missing)
                {
                    try
                    {
                        await _service.GetGroupAsync(id);
                    }
                    catch (UserGroupNotFoundException)
                    {
                        return before;
                    }

                    throw new XunitException($"Getting the deleted group {id} succeeded.");
                }

                var group = await _service.GetGroupAsync(id);
                Assert.Equal(before[id].Name, group.Name);
                return before;
            },
            [new(before)]);
    }

    private Task FindAsync()
    {
        var missing = _random.Next(6) == 0;
        var id = missing ? null : PickGroup();
        var before = _model;
        var name = id is null ? _target.NameFor(900_000 + _random.Next(1000)) : before[id].Name;
        return ExecuteAsync(
            $"find {name}",
            async () =>
            {
                var group = await _service.FindGroupByNameAsync(name);
                Assert.Equal(id, group?.Id);
                return before;
            },
            [new(before)]);
    }

    private Task ListAsync()
    {
        int?[] sizes = [null, 2, 5, 10];
        var pageSize = sizes[_random.Next(sizes.Length)];
        var before = _model;
        return ExecuteAsync(
            $"list pageSize={pageSize}",
            async () =>
            {
                var ids = new List<string>();
                await foreach (var group in _service.ListGroupsAsync(new UserGroupQuery { PageSize = pageSize }))
                {
                    ids.Add(group.Id);
                }

                Assert.Equal(before.Keys.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
                return before;
            },
            [new(before)]);
    }

    private Task UpdateAsync()
    {
        var id = PickGroup();
        var before = _model;
        var current = before[id];
        var capabilities = _service.Capabilities;
        var rename = capabilities.SupportsRename && (!capabilities.SupportsComment || _random.Next(3) != 0);
        var name = rename ? NewName() : null;
        var comment = capabilities.SupportsComment && (!rename || _random.Next(2) == 0) ? "changed " + _operation.ToString(CultureInfo.InvariantCulture) : null;
        var updated = current with { Name = name ?? current.Name, Comment = comment ?? current.Comment };
        return ExecuteAsync(
            $"update {id} name={name} comment={comment}",
            async () =>
            {
                var group = await _service.UpdateGroupAsync(id, new UserGroupUpdate { Name = name, Comment = comment });
                Assert.Equal(updated.Name, group.Name);
                return With(before, id, updated);
            },
            [new(before), new(With(before, id, updated))]);
    }

    private Task DeleteAsync()
    {
        var empty = _owned.Where(id => _model[id].Members.Length == 0).ToList();
        var id = _target.DeleteNeedsEmptyGroup && empty.Count > 0 && _random.Next(4) != 0 ? empty[_random.Next(empty.Count)] : PickGroup();
        var before = _model;
        return ExecuteAsync(
            $"delete {id}",
            async () =>
            {
                await _service.DeleteGroupAsync(id);
                return With(before, id, null);
            },
            [new(before), new(With(before, id, null))]);
    }

    private Task DeleteManyAsync()
    {
        var ids = _owned.OrderBy(_ => _random.Next()).Take(_random.Next(2, 4)).ToList();
        var before = _model;
        var after = before;
        List<StateCandidate> allowed = [new(before)];
        foreach (var id in ids)
        {
            after = With(after, id, null);

            // A facade without a native bulk delete deletes one group after the other and stops at the first failure.
            if (!_service.Capabilities.NativeBulkDelete || id == ids[^1])
            {
                allowed.Add(new(after));
            }
        }

        var expected = after;
        return ExecuteAsync(
            $"delete-many {string.Join(',', ids)}",
            async () =>
            {
                await _service.DeleteGroupsAsync(ids);
                return expected;
            },
            allowed);
    }

    private Task AddMembersAsync()
    {
        var id = PickGroup();
        var members = PickMembers(1, 3);
        var before = _model;
        var updated = before[id].WithMembers(before[id].MemberIds.Concat(members));
        return ExecuteAsync(
            $"add {id} [{string.Join(',', members)}]",
            async () =>
            {
                await _service.AddMembersAsync(id, members);
                return With(before, id, updated);
            },
            [new(before), new(With(before, id, updated))]);
    }

    private Task RemoveMembersAsync()
    {
        var id = PickGroup();
        var before = _model;
        var current = before[id].MemberIds;
        var members = current.Where(_ => _random.Next(2) == 0).Concat(PickMembers(0, 1)).Distinct(StringComparer.Ordinal).ToList();
        if (members.Count == 0)
        {
            members = PickMembers(1, 1);
        }

        var removable = members.Where(current.Contains).ToList();
        var updated = before[id].WithMembers(current.Except(members, StringComparer.Ordinal));
        List<StateCandidate> allowed = [new(before), new(With(before, id, updated))];
        if (_target.RemovesMembersOneByOne)
        {
            // Each member is its own call; any of them may have gone through before the failure.
            for (var mask = 1; mask < (1 << removable.Count) - 1; mask++)
            {
                var gone = removable.Where((_, bit) => (mask & (1 << bit)) != 0).ToList();
                allowed.Add(new(With(before, id, before[id].WithMembers(current.Except(gone, StringComparer.Ordinal)))));
            }
        }

        return ExecuteAsync(
            $"remove {id} [{string.Join(',', members)}]",
            async () =>
            {
                await _service.RemoveMembersAsync(id, members);
                return With(before, id, updated);
            },
            allowed);
    }

    private Task SetMembersAsync()
    {
        var id = PickGroup();
        var members = PickMembers(0, 3);
        var before = _model;
        var updated = before[id].WithMembers(members);
        return ExecuteAsync(
            $"set {id} [{string.Join(',', members)}]",
            async () =>
            {
                await _service.SetMembersAsync(id, members);
                return With(before, id, updated);
            },
            [new(before), new(With(before, id, updated))]);
    }

    private Task ListMembersAsync()
    {
        var id = PickGroup();
        var before = _model;
        return ExecuteAsync(
            $"members {id}",
            async () =>
            {
                var ids = new List<string>();
                await foreach (var member in _service.ListMembersAsync(id))
                {
                    ids.Add(member.Id);
                }

                Assert.Equal(before[id].MemberIds, ids.Order(StringComparer.Ordinal));
                return before;
            },
            [new(before)]);
    }
}
