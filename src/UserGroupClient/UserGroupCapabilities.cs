namespace UserGroupClient;

/// <summary>
/// What one backend of <see cref="IUserGroupService"/> can do. "Native" means one server call does it;
/// otherwise the service emulates it (documented on the dialect's implementation) or refuses it with
/// <see cref="NotSupportedException"/> when the matching <c>Supports…</c> flag is <see langword="false"/>.
/// </summary>
public sealed record UserGroupCapabilities
{
    /// <summary>The dialect's name, e.g. "JumpServer".</summary>
    public required string Dialect { get; init; }

    /// <summary>Groups can be renamed.</summary>
    public bool SupportsRename { get; init; }

    /// <summary>Groups carry a comment or description.</summary>
    public bool SupportsComment { get; init; }

    /// <summary>Groups can have a parent (<see cref="UserGroup.ParentId"/>).</summary>
    public bool SupportsHierarchy { get; init; }

    /// <summary><see cref="UserGroupQuery.Search"/> is honoured.</summary>
    public bool SupportsSearch { get; init; }

    /// <summary><see cref="UserGroupQuery.ParentId"/> is honoured.</summary>
    public bool SupportsParentFilter { get; init; }

    /// <summary><see cref="IUserGroupService.DeleteGroupsAsync"/> is one server operation rather than one call per group.</summary>
    public bool NativeBulkDelete { get; init; }

    /// <summary>Members are added without rewriting the whole member list.</summary>
    public bool NativeAddMembers { get; init; }

    /// <summary>Members are removed without rewriting the whole member list.</summary>
    public bool NativeRemoveMembers { get; init; }

    /// <summary>The member list can be replaced in one call.</summary>
    public bool NativeSetMembers { get; init; }

    /// <summary>The largest page the server returns; larger <see cref="UserGroupQuery.PageSize"/> values are clamped.</summary>
    public int MaxPageSize { get; init; }

    /// <summary>
    /// The server refuses a second group with a name that is taken: <see cref="IUserGroupService.CreateGroupAsync"/>
    /// then raises <see cref="UserGroupConflictException"/>. When <see langword="false"/> (MinApp), two groups may share a name.
    /// </summary>
    public bool UniqueNames { get; init; }

    /// <summary>
    /// How the server compares group names when it decides that a name is taken: <see cref="StringComparison.Ordinal"/>
    /// (JumpServer, Kylin, MinApp) or <see cref="StringComparison.OrdinalIgnoreCase"/> (Owl, whose database collation
    /// ignores case, so <c>Ops</c> and <c>ops</c> cannot both exist). <see cref="IUserGroupService.FindGroupByNameAsync"/>
    /// always matches the exact name (ordinal) whatever this says; compare with this value to find a group that would
    /// block a create.
    /// </summary>
    public StringComparison NameComparison { get; init; } = StringComparison.Ordinal;
}
