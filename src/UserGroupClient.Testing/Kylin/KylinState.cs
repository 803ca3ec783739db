using System.Security.Cryptography;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// The emulator's data: users (membership lives on each user, as authorities), groups with their ids, project
/// administrators, and the flavor's settings.
/// </summary>
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
        Version = options.Version ?? Flavor switch
        {
            KylinEmulatorFlavor.Apache3 => "Apache kylin 3.1.3",
            KylinEmulatorFlavor.Apache4 => "Apache kylin 4.0.5",
            _ => "Kyligence Enterprise 4.5.20.0",
        };

        // Apache Kylin, Kylin 5 and KE 4 look users up ignoring case; KAP keeps them under their exact names.
        Users = new(Flavor == KylinEmulatorFlavor.Kap3 ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        foreach (var group in new[] { AllUsers, RoleAdmin, RoleModeler, RoleAnalyst })
        {
            AddGroup(group);
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

    /// <summary>Apache Kylin's <c>kylin.version</c> or KE 4's <c>ke.version</c>.</summary>
    public string Version { get; }

    public DateTimeOffset Now => TimeProvider.GetUtcNow();

    /// <summary>Users by name.</summary>
    public Dictionary<string, KylinStoredUser> Users { get; }

    /// <summary>Group names in the server's (ordinal) order, each with the id the v4 UI API addresses it by.</summary>
    public SortedDictionary<string, string> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>(project, username) pairs with ADMINISTRATION on the project.</summary>
    public HashSet<(string Project, string Username)> ProjectAdministrators { get; } = [];

    public StringComparer MemberOrder => Flavor == KylinEmulatorFlavor.Kap3 ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    public bool AddGroup(string name) => Groups.TryAdd(name, Guid.NewGuid().ToString());

    /// <summary>The stored name equal to <paramref name="name"/> ignoring case, as Kylin 5 and KE 4 look names up.</summary>
    public string? FindGroupIgnoringCase(string name) =>
        Groups.Keys.FirstOrDefault(group => group.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether Apache Kylin's guard refuses to delete the group (compared ignoring case, as it does); KAP has no guard.</summary>
    public bool IsUndeletable(string group) =>
        GuardBuiltInGroups && (group.Equals(AllUsers, StringComparison.OrdinalIgnoreCase) || group.Equals(RoleAdmin, StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds a user with the given roles, then <c>ALL_USERS</c>, as the servers' user services do.</summary>
    public KylinStoredUser AddUser(string username, string password, IEnumerable<string> roles, bool disabled, bool defaultPassword)
    {
        var user = new KylinStoredUser(username, password, NewHash(), Now) { Disabled = disabled, DefaultPassword = defaultPassword };
        foreach (var role in roles)
        {
            user.Grant(role);
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

    /// <summary>The users carrying the group's authority (compared exactly, as <c>SimpleGrantedAuthority</c> does), in the flavor's order.</summary>
    public List<KylinStoredUser> MembersOf(string group) =>
        Users.Values.Where(user => user.Authorities.Contains(group)).OrderBy(user => user.Username, MemberOrder).ToList();

    public KylinEmulatedUser ToRecord(KylinStoredUser user) =>
        new(user.Username, user.PasswordHash, user.IsAdmin, user.Disabled, IsLocked(user), [.. user.Authorities]);

    public bool IsLocked(KylinStoredUser user) =>
        user.LockedAt is { } at && (user.LockLength == TimeSpan.MaxValue || Now < at + user.LockLength);

    // Real hashes are bcrypt ($2a$10$ + 53 characters of its base-64 alphabet); a random one of that shape is enough
    // because the emulator checks the password it keeps, never the hash.
    private static string NewHash() => "$2a$10$" + RandomNumberGenerator.GetString(HashAlphabet, 53);
}
