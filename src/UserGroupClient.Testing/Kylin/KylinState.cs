using System.Security.Cryptography;

namespace UserGroupClient.Testing.Kylin;

/// <summary>The emulator's data: users (membership lives on each user, as authorities), group names, project administrators.</summary>
internal sealed class KylinState
{
    public const string AllUsers = "ALL_USERS";
    public const string RoleAdmin = "ROLE_ADMIN";
    public const string RoleModeler = "ROLE_MODELER";
    public const string RoleAnalyst = "ROLE_ANALYST";

    private const string HashAlphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public KylinState(KylinEmulatorOptions options)
    {
        Flavor = options.Flavor;
        TimeProvider = options.TimeProvider;
        LockDuration = options.LockDuration;
        GuardBuiltInGroups = options.GuardBuiltInGroups ?? Flavor != KylinEmulatorFlavor.Kap3;
        ReAddAllUsersOnSave = options.ReAddAllUsersOnSave ?? IsApache;
        foreach (var group in new[] { AllUsers, RoleAdmin, RoleModeler, RoleAnalyst })
        {
            Groups.Add(group);
        }
    }

    public object Sync { get; } = new();

    public KylinEmulatorFlavor Flavor { get; }

    public bool IsApache => Flavor is KylinEmulatorFlavor.Apache3 or KylinEmulatorFlavor.Apache4;

    /// <summary>Kylin 5 and Kyligence Enterprise 4.x: the v4 and v4-public APIs.</summary>
    public bool IsV4 => Flavor is KylinEmulatorFlavor.Kylin5 or KylinEmulatorFlavor.KyligenceEnterprise4;

    public TimeProvider TimeProvider { get; }

    public TimeSpan LockDuration { get; }

    public bool GuardBuiltInGroups { get; }

    public bool ReAddAllUsersOnSave { get; }

    public DateTimeOffset Now => TimeProvider.GetUtcNow();

    /// <summary>Users by name; names are case-sensitive.</summary>
    public Dictionary<string, KylinStoredUser> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>Group names in the server's order (a Java <c>TreeSet</c>: ordinal).</summary>
    public SortedSet<string> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>(project, username) pairs with ADMINISTRATION on the project.</summary>
    public HashSet<(string Project, string Username)> ProjectAdministrators { get; } = [];

    /// <summary>Whether Apache Kylin's guard refuses to delete the group (compared ignoring case, as it does); KAP has no guard.</summary>
    public bool IsUndeletable(string group) =>
        GuardBuiltInGroups && (group.Equals(AllUsers, StringComparison.OrdinalIgnoreCase) || group.Equals(RoleAdmin, StringComparison.OrdinalIgnoreCase));

    public KylinStoredUser AddUser(string username, string password, bool isAdmin, bool disabled, bool defaultPassword)
    {
        var user = new KylinStoredUser(username, password, NewHash(), Now) { Disabled = disabled, DefaultPassword = defaultPassword };
        if (isAdmin)
        {
            user.Grant(RoleAdmin);
        }

        user.Grant(AllUsers);
        Users.Add(username, user);
        return user;
    }

    /// <summary>
    /// Saves a user as the server's user service does: KAP keeps the authorities as they are, Apache Kylin re-adds
    /// <c>ALL_USERS</c> on every save.
    /// </summary>
    public void Save(KylinStoredUser user)
    {
        if (ReAddAllUsersOnSave)
        {
            user.Grant(AllUsers);
        }

        user.LastModified = Now;
    }

    public List<KylinStoredUser> MembersOf(string group) =>
        Users.Values.Where(user => user.Authorities.Contains(group)).OrderBy(user => user.Username, StringComparer.Ordinal).ToList();

    public KylinEmulatedUser ToRecord(KylinStoredUser user) =>
        new(user.Username, user.PasswordHash, user.IsAdmin, user.Disabled, IsLocked(user), [.. user.Authorities]);

    public bool IsLocked(KylinStoredUser user) => user.LockedAt is { } at && Now < at + LockDuration;

    // Real hashes are bcrypt ($2a$10$ + 53 characters of its base-64 alphabet); a random one of that shape is enough
    // because the emulator checks the password it keeps, never the hash.
    private static string NewHash() => "$2a$10$" + RandomNumberGenerator.GetString(HashAlphabet, 53);
}
