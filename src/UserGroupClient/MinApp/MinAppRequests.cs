namespace UserGroupClient.MinApp;

/// <summary>Paging of a MinApp list: <c>limit</c> (1 to 1000; the client's default page size when <see langword="null"/>) and <c>offset</c>.</summary>
public sealed record MinAppPageRequest
{
    /// <summary>The page size; values above 1000 are lowered to 1000, as the server lowers them; less than 1 is refused.</summary>
    public int? Limit { get; init; }

    /// <summary>How many items to skip; 0 when <see langword="null"/>.</summary>
    public int? Offset { get; init; }
}

/// <summary>Filter and paging of <c>GET /oserve/v1/user-group/</c>.</summary>
public sealed record MinAppUserGroupListOptions
{
    /// <summary>Only groups in this supergroup (<c>parent_id</c>); every group when <see langword="null"/>.</summary>
    public long? ParentId { get; init; }

    /// <summary>The page size; values above 1000 are lowered to 1000, as the server lowers them; less than 1 is refused.</summary>
    public int? Limit { get; init; }

    /// <summary>How many groups to skip.</summary>
    public int? Offset { get; init; }
}

/// <summary>The body of <c>POST /oserve/v1/user-group/</c>.</summary>
/// <param name="Name">The group's name; required, not unique.</param>
public sealed record MinAppUserGroupCreate(string Name)
{
    /// <summary>The supergroup to put the group in (<c>parent</c>); none when <see langword="null"/>.</summary>
    public long? ParentId { get; init; }
}

/// <summary>The body of <c>PUT /oserve/v1/user-group/{id}/</c>.</summary>
/// <param name="Name">The group's name; required.</param>
public sealed record MinAppUserGroupUpdate(string Name)
{
    /// <summary>Moves the group to this supergroup (<c>"parent": id</c>); <see langword="null"/> sends no <c>parent</c>.</summary>
    public long? ParentId { get; init; }

    /// <summary>Takes the group out of its supergroup (<c>"parent": null</c>); cannot be combined with <see cref="ParentId"/>.</summary>
    public bool RemoveParent { get; init; }
}

/// <summary>The body of <c>POST /oserve/v1/user-supergroup/</c>.</summary>
/// <param name="Name">The supergroup's name; required.</param>
public sealed record MinAppSuperGroupCreate(string Name)
{
    /// <summary>The user groups to put in it (<c>children</c>); a group in another supergroup moves.</summary>
    public IReadOnlyList<long>? Children { get; init; }
}

/// <summary>The body of <c>PUT /oserve/v1/user-supergroup/{id}/</c>: both fields are sent, and <see cref="Children"/> replaces the old set.</summary>
/// <param name="Name">The supergroup's name; required.</param>
/// <param name="Children">The user groups it holds afterwards; groups left out lose their parent.</param>
public sealed record MinAppSuperGroupUpdate(string Name, IReadOnlyList<long> Children);

/// <summary>What a membership operation does.</summary>
public enum MinAppMembershipAction
{
    /// <summary><c>add</c>: every listed user joins every listed group.</summary>
    Add,

    /// <summary><c>remove</c>: every listed user leaves every listed group.</summary>
    Remove,
}

/// <summary>One operation of <c>PATCH /oserve/v1/miniapp/group/membership/</c>; it applies to every (user, group) pair of its lists.</summary>
/// <param name="Action">Add or remove.</param>
/// <param name="UserIds">The users' <c>user_id</c>s; not empty.</param>
/// <param name="GroupIds">The user groups' ids; not empty.</param>
public sealed record MinAppMembershipOperation(MinAppMembershipAction Action, IReadOnlyList<long> UserIds, IReadOnlyList<long> GroupIds);
