namespace UserGroupClient.Testing.JumpServer;

/// <summary>An organization row; the ROOT organization is not one (it is a view over every organization).</summary>
internal sealed record OrganizationEntity(string Id, string Name, string Comment, DateTimeOffset CreatedAt);

/// <summary>A user group row; mutable, and only touched while holding <see cref="JumpServerState.Sync"/>.</summary>
internal sealed class GroupEntity
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string Comment { get; set; }

    public required string OrganizationId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

/// <summary>A row of the user-to-group through table, with the integer id the relations API exposes.</summary>
internal sealed record MembershipRow(int Id, string UserId, string GroupId);

internal readonly record struct BearerTokenEntry(string UserId, DateTimeOffset ExpiresAt);

/// <summary>Ids cached under an <c>spm</c>; <see cref="ResourceIds"/> is null when the request carried no <c>resources</c>.</summary>
internal readonly record struct SpmEntry(IReadOnlyList<string>? ResourceIds, DateTimeOffset ExpiresAt);
