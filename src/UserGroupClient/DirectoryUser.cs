namespace UserGroupClient;

/// <summary>One entry of an <see cref="IUserDirectory"/>.</summary>
public sealed class DirectoryUser
{
    /// <summary>Creates an entry.</summary>
    /// <param name="id">The id the group service's member calls take.</param>
    /// <param name="userName">The unique name (<see cref="GroupMember.UserName"/>).</param>
    /// <param name="displayName">The display name, when the server has one.</param>
    public DirectoryUser(string id, string userName, string? displayName = null)
    {
        Id = id;
        UserName = userName;
        DisplayName = displayName;
    }

    /// <summary>The id the group service's member calls take.</summary>
    public string Id { get; }

    /// <summary>The unique name (<see cref="GroupMember.UserName"/>).</summary>
    public string UserName { get; }

    /// <summary>The display name, when the server has one.</summary>
    public string? DisplayName { get; }
}
