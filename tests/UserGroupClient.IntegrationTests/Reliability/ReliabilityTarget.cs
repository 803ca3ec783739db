using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.IntegrationTests.Reliability;

/// <summary>One dialect under the reliability run: its facade, its emulator's faults and state, and how its facade's multi-step operations may stop half-way.</summary>
internal sealed class ReliabilityTarget
{
    public required IUserGroupService Service { get; init; }

    public required FaultInjector Faults { get; init; }

    public required RequestJournal Journal { get; init; }

    /// <summary>The member ids the run draws from.</summary>
    public required IReadOnlyList<string> MemberPool { get; init; }

    /// <summary>The emulator's own state, read through its public getters (never through the SDK), by group id.</summary>
    public required Func<Dictionary<string, GroupState>> ReadState { get; init; }

    /// <summary>Which paths random faults may hit (null: all); the sign-in endpoints stay clean so every run signs in once.</summary>
    public string? FaultedPathPrefix { get; init; }

    public IReadOnlyList<string> ExemptPathPrefixes { get; init; } = [];

    /// <summary>The facade creates the group, then adds its members with a second call (documented): a failure can leave the group without members.</summary>
    public bool CreateAddsMembersSeparately { get; init; }

    /// <summary>The facade removes members one call each (JumpServer relations): a failure can leave any subset removed.</summary>
    public bool RemovesMembersOneByOne { get; init; }

    /// <summary>The server refuses to delete a group that still has members (Owl host groups).</summary>
    public bool DeleteNeedsEmptyGroup { get; init; }

    /// <summary>Group names the dialect accepts; Kylin refuses some characters, so every dialect gets plain ones.</summary>
    public Func<int, string> NameFor { get; init; } = n => $"rel_{n:D4}";
}
