namespace UserGroupClient.Kylin;

/// <summary>
/// A Kylin user as <c>groupMembers</c> lists it (<c>ManagedUser</c>). The password hash the server sends is read
/// past and never kept.
/// </summary>
public sealed record KylinManagedUser
{
    /// <summary>The login name.</summary>
    public required string Username { get; init; }

    /// <summary>The user's authorities: <c>ROLE_ADMIN</c> and the names of the groups the user is in.</summary>
    public IReadOnlyList<string> Authorities { get; init; } = [];

    /// <summary>Whether the account is disabled.</summary>
    public bool Disabled { get; init; }

    /// <summary>Whether the user still has the default password.</summary>
    public bool DefaultPassword { get; init; }

    /// <summary>Whether the account is locked after wrong passwords.</summary>
    public bool Locked { get; init; }

    /// <summary>When the account was locked, when it is.</summary>
    public DateTimeOffset? LockedTime { get; init; }

    /// <summary>How many wrong passwords in a row were given.</summary>
    public int WrongTime { get; init; }

    /// <summary>The user's uuid, when the server has one.</summary>
    public string? Uuid { get; init; }

    /// <summary>When the user was last saved.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>The metadata version that saved the user, e.g. <c>3.0.0.1</c>.</summary>
    public string? Version { get; init; }
}
