namespace UserGroupClient.Testing.Kylin;

/// <summary>A user as the emulator stores it; guarded by <see cref="KylinState.Sync"/>.</summary>
internal sealed class KylinStoredUser(string username, string password, string passwordHash, DateTimeOffset created)
{
    public string Username { get; } = username;

    public string Password { get; } = password;

    public string PasswordHash { get; } = passwordHash;

    public string Uuid { get; } = Guid.NewGuid().ToString();

    public DateTimeOffset Created { get; } = created;

    /// <summary>Authorities in the order they were granted; group membership lives here, as on the server.</summary>
    public List<string> Authorities { get; } = [];

    public bool Disabled { get; set; }

    public bool DefaultPassword { get; set; }

    /// <summary>Wrong passwords in a row; KAP resets it when a lock ends, Kylin 5 and KE 4 only on a correct password.</summary>
    public int WrongTime { get; set; }

    public DateTimeOffset? LockedAt { get; set; }

    /// <summary>How long the current lock lasts (<see cref="TimeSpan.MaxValue"/>: for good).</summary>
    public TimeSpan LockLength { get; set; }

    public DateTimeOffset? FirstFailedAt { get; set; }

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
