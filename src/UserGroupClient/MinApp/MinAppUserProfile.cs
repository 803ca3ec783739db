using System.Text.Json.Serialization;

namespace UserGroupClient.MinApp;

/// <summary>
/// A user profile (<c>_userprofile</c>) as <c>/oserve/v1/miniapp/user-profile/</c> returns it; only the fields this SDK
/// uses are read. The membership operations take <see cref="UserId"/>.
/// </summary>
[JsonConverter(typeof(MinAppUserProfileConverter))]
public sealed class MinAppUserProfile
{
    /// <summary>The profile row's id.</summary>
    public long Id { get; init; }

    /// <summary>The user's id, which the membership endpoint takes.</summary>
    public long? UserId { get; init; }

    /// <summary>The user's nickname.</summary>
    public string? Nickname { get; init; }

    /// <summary>The ids of the user groups the user is in.</summary>
    public IReadOnlyList<long>? UserGroup { get; init; }
}
