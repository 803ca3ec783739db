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
}
