namespace UserGroupClient;

/// <summary>A user group (or, on Owl's host-group service, a host group) in the unified model.</summary>
/// <param name="Id">The group's id, as a string on every dialect.</param>
/// <param name="Name">The group's name.</param>
public sealed record UserGroup(string Id, string Name)
{
    /// <summary>The group's comment or description, where the dialect has one.</summary>
    public string? Comment { get; init; }

    /// <summary>The id of the parent group (MinApp: the supergroup), where the dialect has hierarchy.</summary>
    public string? ParentId { get; init; }

    /// <summary>The number of members, when the server reports it in this response.</summary>
    public int? MemberCount { get; init; }

    /// <summary>When the group was created, when the server reports it.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
