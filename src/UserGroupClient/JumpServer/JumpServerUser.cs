namespace UserGroupClient.JumpServer;

/// <summary>A user as <c>/api/v1/users/users/</c> lists it (the fields the SDK reads).</summary>
public sealed class JumpServerUser
{
    /// <summary>The user's id (a UUID).</summary>
    public string Id { get; init; } = "";

    /// <summary>The display name.</summary>
    public string? Name { get; init; }

    /// <summary>The login name.</summary>
    public string? Username { get; init; }

    /// <summary>The e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Whether the account is active.</summary>
    public bool? IsActive { get; init; }

    /// <summary>Whether the account is a service account.</summary>
    public bool? IsServiceAccount { get; init; }
}
