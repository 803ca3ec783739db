using System.Security.Cryptography;

namespace UserGroupClient.Testing.MinApp;

/// <summary>The emulator's data. Every member is used under <see cref="Sync"/>.</summary>
internal sealed class MinAppState
{
    private long nextId = 1;
    private long nextProfileId = 55001;
    private long nextUserId = 36619701;

    public MinAppState(MinAppEmulatorOptions options)
    {
        TimeProvider = options.TimeProvider ?? throw new ArgumentException("TimeProvider is required.", nameof(options));
        ClientId = options.ClientId ?? RandomNumberGenerator.GetHexString(20, lowercase: true);
        ClientSecret = options.ClientSecret ?? RandomNumberGenerator.GetHexString(40, lowercase: true);
        TokenLifetime = options.TokenLifetime > TimeSpan.Zero ? options.TokenLifetime : throw new ArgumentException("TokenLifetime must be positive.", nameof(options));
        CodeLifetime = options.CodeLifetime > TimeSpan.Zero ? options.CodeLifetime : throw new ArgumentException("CodeLifetime must be positive.", nameof(options));
        AuthorizeRedirects = options.AuthorizeRedirects;
        MembershipByProfileId = options.MembershipByProfileId;
        TokenEndpointAcceptsJson = options.TokenEndpointAcceptsJson;
    }

    public object Sync { get; } = new();

    public TimeProvider TimeProvider { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    public TimeSpan TokenLifetime { get; }

    public TimeSpan CodeLifetime { get; }

    public bool AuthorizeRedirects { get; }

    public bool MembershipByProfileId { get; }

    public bool TokenEndpointAcceptsJson { get; }

    public DateTimeOffset Now => TimeProvider.GetUtcNow();

    public SortedDictionary<long, GroupEntity> Groups { get; } = [];

    public SortedDictionary<long, SuperGroupEntity> SuperGroups { get; } = [];

    public SortedDictionary<long, UserEntity> Users { get; } = [];

    /// <summary>(profile id, group id) pairs.</summary>
    public HashSet<(long ProfileId, long GroupId)> Memberships { get; } = [];

    /// <summary>Authorize sessions by cookie value: how many hops they have passed.</summary>
    public Dictionary<string, int> Sessions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DateTimeOffset> Codes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TokenPair> AccessTokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TokenPair> RefreshTokens { get; } = new(StringComparer.Ordinal);

    public static string NewSecret() => RandomNumberGenerator.GetHexString(40, lowercase: true);

    public long NewId() => nextId++;

    public UserEntity AddUser(string nickname, long? userId)
    {
        var user = new UserEntity(nextProfileId++, userId ?? nextUserId++, nickname);
        Users[user.Id] = user;
        return user;
    }

    public UserEntity? FindUserByMembershipId(long id) =>
        MembershipByProfileId ? Users.GetValueOrDefault(id) : Users.Values.FirstOrDefault(user => user.UserId == id);

    public int MemberCount(long groupId) => Memberships.Count(pair => pair.GroupId == groupId);

    public void DeleteGroup(long groupId)
    {
        Groups.Remove(groupId);
        Memberships.RemoveWhere(pair => pair.GroupId == groupId);
    }

    public void DeleteSuperGroup(long superGroupId)
    {
        SuperGroups.Remove(superGroupId);
        foreach (var group in Groups.Values.Where(group => group.ParentId == superGroupId))
        {
            group.ParentId = null;
        }
    }

    public TokenPair IssueTokens()
    {
        var pair = new TokenPair(NewSecret(), NewSecret(), Now + TokenLifetime);
        AccessTokens[pair.AccessToken] = pair;
        RefreshTokens[pair.RefreshToken] = pair;
        return pair;
    }

    public void Revoke(TokenPair pair)
    {
        AccessTokens.Remove(pair.AccessToken);
        RefreshTokens.Remove(pair.RefreshToken);
    }

    public MinAppEmulatedUserGroup ToRecord(GroupEntity group) => new(group.Id, group.Name, group.ParentId, MemberCount(group.Id));

    public MinAppEmulatedSuperGroup ToRecord(SuperGroupEntity superGroup) =>
        new(superGroup.Id, superGroup.Name, Groups.Values.Where(group => group.ParentId == superGroup.Id).Select(group => group.Id).ToArray());

    public MinAppEmulatedUser ToRecord(UserEntity user) =>
        new(user.Id, user.UserId, user.Nickname, Memberships.Where(pair => pair.ProfileId == user.Id).Select(pair => pair.GroupId).Order().ToArray());
}

internal sealed class GroupEntity(long id, string name, long? parentId)
{
    public long Id { get; } = id;

    public string Name { get; set; } = name;

    public long? ParentId { get; set; } = parentId;
}

internal sealed class SuperGroupEntity(long id, string name)
{
    public long Id { get; } = id;

    public string Name { get; set; } = name;
}

internal sealed record UserEntity(long Id, long UserId, string Nickname);

/// <summary>An access token and its refresh token; refreshing or revoking ends both.</summary>
internal sealed record TokenPair(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);
