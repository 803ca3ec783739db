using System.Text.Json.Serialization;

namespace UserGroupClient.JumpServer;

/// <summary>
/// A JumpServer user group as the server returns it. Which fields arrive depends on the endpoint and version:
/// the detail carries <see cref="Users"/> (objects from v3, ids in v2) and no <see cref="UsersAmount"/>;
/// list items from v3.10.2 carry <see cref="UsersAmount"/> and no <see cref="Users"/>.
/// </summary>
public sealed class JumpServerUserGroup
{
    /// <summary>The group's id (a UUID).</summary>
    [JsonRequired]
    public string Id { get; init; } = "";

    /// <summary>The group's name, unique in its organization.</summary>
    [JsonRequired]
    public string Name { get; init; } = "";

    /// <summary>The comment; empty when none.</summary>
    public string? Comment { get; init; }

    /// <summary>The members (detail responses only).</summary>
    public IReadOnlyList<JumpServerUserReference>? Users { get; init; }

    /// <summary>How many members, service accounts excluded (list responses only).</summary>
    public int? UsersAmount { get; init; }

    /// <summary>The labels attached to the group (v3.10+).</summary>
    public IReadOnlyList<JumpServerLabel>? Labels { get; init; }

    /// <summary>The organization's id.</summary>
    public string? OrgId { get; init; }

    /// <summary>The organization's name (<c>DEFAULT</c> for the default organization).</summary>
    public string? OrgName { get; init; }

    /// <summary>The creator's display name, or <c>System</c>.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>When the group was created.</summary>
    public DateTimeOffset? DateCreated { get; init; }
}
