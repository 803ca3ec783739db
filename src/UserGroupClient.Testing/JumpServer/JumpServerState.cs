using System.Security.Cryptography;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>
/// The emulator's database and cache. Not synchronized by itself: every caller holds <see cref="Sync"/> for the
/// whole of an operation, so that validation and the change it guards are atomic.
/// </summary>
internal sealed class JumpServerState
{
    private const string AlphaNumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly List<OrganizationEntity> organizations = [];
    private readonly List<JumpServerEmulatedUser> users = [];
    private readonly Dictionary<string, string> passwords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JumpServerEmulatedAccessKey> accessKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> privateTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BearerTokenEntry> bearerTokens = new(StringComparer.Ordinal);
    private readonly List<GroupEntity> groups = [];
    private readonly List<MembershipRow> memberships = [];
    private readonly Dictionary<string, SpmEntry> spms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> loginFailures = new(StringComparer.Ordinal);
    private int nextMembershipId = 1;

    public JumpServerState(JumpServerSettings settings)
    {
        Settings = settings;
        organizations.Add(new OrganizationEntity(JumpServerEmulator.DefaultOrganizationId, "DEFAULT", string.Empty, Now));
        if (!settings.IsV2)
        {
            organizations.Add(new OrganizationEntity(JumpServerEmulator.SystemOrganizationId, "SYSTEM", string.Empty, Now));
        }
    }

    public object Sync { get; } = new();

    public JumpServerSettings Settings { get; }

    public DateTimeOffset Now => Settings.TimeProvider.GetUtcNow();

    public IReadOnlyList<OrganizationEntity> Organizations => organizations;

    public IReadOnlyList<JumpServerEmulatedUser> Users => users;

    public IReadOnlyList<GroupEntity> Groups => groups;

    public IReadOnlyList<MembershipRow> Memberships => memberships;

    public static string NewId() => Guid.NewGuid().ToString("D");

    public static string RandomAlphaNumeric(int length) => RandomNumberGenerator.GetString(AlphaNumeric, length);

    public OrganizationEntity? FindOrganization(string id) => organizations.Find(org => org.Id == id);

    public OrganizationEntity? FindOrganizationByName(string name) => organizations.Find(org => org.Name == name);

    public OrganizationEntity AddOrganization(string name, string id)
    {
        var organization = new OrganizationEntity(id, name, string.Empty, Now);
        organizations.Add(organization);
        for (var i = 0; i < users.Count; i++)
        {
            if (users[i].IsAdmin)
            {
                users[i] = users[i] with { OrganizationIds = [.. users[i].OrganizationIds, id] };
            }
        }

        return organization;
    }

    public JumpServerEmulatedUser? FindUser(string id) => users.Find(user => user.Id == id);

    public JumpServerEmulatedUser? FindUserByUsername(string username) => users.Find(user => user.Username == username);

    public void AddUser(JumpServerEmulatedUser user, string? password)
    {
        users.Add(user);
        if (password is not null)
        {
            passwords[user.Id] = password;
        }
    }

    public bool CheckPassword(JumpServerEmulatedUser user, string password) =>
        passwords.TryGetValue(user.Id, out var expected)
        && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(expected),
            System.Text.Encoding.UTF8.GetBytes(password));

    /// <summary>The users of an organization; in ROOT, every user.</summary>
    public IEnumerable<JumpServerEmulatedUser> MembersOf(OrgScope scope) =>
        scope.IsRoot ? users : users.Where(user => user.OrganizationIds.Contains(scope.Id));

    public void AddAccessKey(JumpServerEmulatedAccessKey key) => accessKeys[key.Id] = key;

    public JumpServerEmulatedAccessKey? FindAccessKey(string id) => accessKeys.GetValueOrDefault(id);

    public void AddPrivateToken(string key, string userId) => privateTokens[key] = userId;

    public JumpServerEmulatedUser? FindPrivateTokenUser(string key) =>
        privateTokens.TryGetValue(key, out var userId) ? FindUser(userId) : null;

    public BearerTokenEntry IssueBearerToken(string userId, TimeSpan lifetime, out string token)
    {
        token = RandomAlphaNumeric(36);
        var entry = new BearerTokenEntry(userId, Now + lifetime);
        bearerTokens[token] = entry;
        return entry;
    }

    /// <summary>The token's user, or null when the token is unknown or past its expiry (the cache entry is gone).</summary>
    public JumpServerEmulatedUser? FindBearerTokenUser(string token)
    {
        if (!bearerTokens.TryGetValue(token, out var entry))
        {
            return null;
        }

        if (Now >= entry.ExpiresAt)
        {
            bearerTokens.Remove(token);
            return null;
        }

        return FindUser(entry.UserId);
    }

    public int RecordLoginFailure(string username)
    {
        var count = loginFailures.GetValueOrDefault(username) + 1;
        loginFailures[username] = count;
        return count;
    }

    public void ResetLoginFailures(string username) => loginFailures.Remove(username);

    public GroupEntity? FindGroup(string id) => groups.Find(group => group.Id == id);

    public IEnumerable<GroupEntity> GroupsIn(OrgScope scope) => groups.Where(group => scope.Contains(group.OrganizationId));

    public GroupEntity CreateGroup(string? id, string name, string comment, string organizationId, string creator, IEnumerable<string> userIds)
    {
        var now = Now;
        var group = new GroupEntity
        {
            Id = id ?? NewId(),
            Name = name,
            Comment = comment,
            OrganizationId = organizationId,
            CreatedAt = now,
            CreatedBy = creator,
            UpdatedAt = now,
            UpdatedBy = creator,
        };
        groups.Add(group);
        SetMembers(group.Id, userIds);
        return group;
    }

    public void DeleteGroup(GroupEntity group)
    {
        groups.Remove(group);
        memberships.RemoveAll(row => row.GroupId == group.Id);
    }

    public IEnumerable<string> MemberIds(string groupId) =>
        memberships.Where(row => row.GroupId == groupId).Select(row => row.UserId);

    public MembershipRow? FindMembership(int id) => memberships.Find(row => row.Id == id);

    public MembershipRow? FindMembership(string userId, string groupId) =>
        memberships.Find(row => row.UserId == userId && row.GroupId == groupId);

    public MembershipRow AddMembership(string userId, string groupId)
    {
        var row = new MembershipRow(nextMembershipId++, userId, groupId);
        memberships.Add(row);
        return row;
    }

    public void RemoveMembership(MembershipRow row) => memberships.Remove(row);

    /// <summary>Makes the group's members exactly <paramref name="userIds"/>, keeping the rows of users who stay (like Django's <c>set()</c>).</summary>
    public void SetMembers(string groupId, IEnumerable<string> userIds)
    {
        var wanted = userIds.Distinct(StringComparer.Ordinal).ToList();
        memberships.RemoveAll(row => row.GroupId == groupId && !wanted.Contains(row.UserId));
        foreach (var userId in wanted)
        {
            if (FindMembership(userId, groupId) is null)
            {
                AddMembership(userId, groupId);
            }
        }
    }

    public string CacheResources(IReadOnlyList<string>? resourceIds)
    {
        var spm = NewId();
        spms[spm] = new SpmEntry(resourceIds, Now + Settings.SpmLifetime);
        return spm;
    }

    /// <summary>The ids cached under <paramref name="spm"/>; empty when it is unknown, expired or cached nothing.</summary>
    public IReadOnlyList<string> ResolveSpm(string spm)
    {
        if (!spms.TryGetValue(spm, out var entry))
        {
            return [];
        }

        if (Now >= entry.ExpiresAt)
        {
            spms.Remove(spm);
            return [];
        }

        return entry.ResourceIds ?? [];
    }

    public JumpServerEmulatedGroup ToRecord(GroupEntity group) =>
        new(group.Id, group.Name, group.Comment, group.OrganizationId, MemberIds(group.Id).ToArray(), group.CreatedAt, group.CreatedBy);
}
