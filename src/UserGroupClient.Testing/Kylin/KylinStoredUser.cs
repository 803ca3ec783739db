namespace UserGroupClient.Testing.Kylin;

/// <summary>A user as the emulator stores it; guarded by <see cref="KylinState.Sync"/>.</summary>
internal sealed class KylinStoredUser(string username, string password, string passwordHash, DateTimeOffset created)
{
    public string Username { get; } = username;

    public string Password { get; } = password;

    public string PasswordHash { get; } = passwordHash;

    /// <summary>Authorities in the order they were granted; group membership lives here, as on the server.</summary>
    public List<string> Authorities { get; } = [];

    public bool Disabled { get; set; }

    public bool DefaultPassword { get; set; }

    public int WrongTime { get; set; }

    public DateTimeOffset? LockedAt { get; set; }

    public DateTimeOffset LastModified { get; set; } = created;

    public bool IsAdmin => Authorities.Contains(KylinState.RoleAdmin);

    public void Grant(string authority)
    {
        if (!Authorities.Contains(authority))
        {
            Authorities.Add(authority);
        }
    }
}
