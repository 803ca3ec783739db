using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.MinApp;

/// <summary>
/// A stateful in-memory MinApp (知晓云) server on loopback HTTP: the OAuth client-credentials flow (authorize through
/// two 302 redirects with a session cookie, code exchange, refresh that ends the old pair), user groups, supergroups,
/// the membership PATCH and the user-profile list, with tastypie-style paging and the documented status codes.
/// </summary>
/// <remarks>
/// <para>Start one with <see cref="StartAsync(MinAppEmulatorOptions?, CancellationToken)"/>, point a client at
/// <see cref="BaseAddress"/> with <see cref="ClientId"/> and <see cref="ClientSecret"/>, seed data with the <c>Add…</c>
/// methods, and inspect <see cref="Journal"/> (which also records each request's <c>X-Hydrogen-Env-ID</c>; data is not
/// split by environment). All members are thread-safe.</para>
/// </remarks>
/// <example>
/// <code>
/// await using var minapp = await MinAppEmulator.StartAsync();
/// var ops = minapp.AddUserGroup("ops");
/// var alice = minapp.AddUser("Alice");
/// minapp.AddGroupMember(ops.Id, alice.UserId);
/// // point the client under test at minapp.BaseAddress with minapp.ClientId and minapp.ClientSecret
/// </code>
/// </example>
public sealed class MinAppEmulator : IAsyncDisposable
{
    private readonly EmulatorHost host;
    private readonly MinAppState state;

    private MinAppEmulator(EmulatorHost host, MinAppState state)
    {
        this.host = host;
        this.state = state;
    }

    /// <summary>The server's root address, for example <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress => host.BaseAddress;

    /// <summary>Every request received so far, including rejected ones and the authorize hops.</summary>
    public RequestJournal Journal => host.Journal;

    /// <summary>Canned failures to serve instead of handling requests, such as a 429 or a 502 page.</summary>
    public FaultInjector Faults => host.Faults;

    /// <summary>The OAuth client id the server accepts.</summary>
    public string ClientId => state.ClientId;

    /// <summary>The OAuth client secret the server accepts.</summary>
    public string ClientSecret => state.ClientSecret;

    /// <summary>Starts an emulator on <c>127.0.0.1</c> and a free port, or the options' <c>Port</c>.</summary>
    /// <param name="options">Clock, client credentials, lifetimes and variants; the defaults behave as the real server does.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop the server.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static async Task<MinAppEmulator> StartAsync(MinAppEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var state = new MinAppState(options ?? new MinAppEmulatorOptions());
        var pipeline = new MinAppPipeline(state);
        var host = await EmulatorHost.StartAsync(pipeline.HandleAsync, state.TimeProvider, options?.Port ?? 0, cancellationToken).ConfigureAwait(false);
        return new MinAppEmulator(host, state);
    }

    /// <summary>Adds a supergroup.</summary>
    /// <param name="name">The name.</param>
    /// <param name="childIds">User groups to move into it.</param>
    /// <returns>The new supergroup.</returns>
    /// <exception cref="ArgumentException">The name is blank or a child does not exist.</exception>
    public MinAppEmulatedSuperGroup AddSuperGroup(string name, IEnumerable<long>? childIds = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (state.Sync)
        {
            var children = (childIds ?? []).ToList();
            if (children.Where(id => !state.Groups.ContainsKey(id)).Select(id => (long?)id).FirstOrDefault() is { } missing)
            {
                throw new ArgumentException($"No user group has id {missing}.", nameof(childIds));
            }

            var superGroup = new SuperGroupEntity(state.NewId(), name);
            state.SuperGroups[superGroup.Id] = superGroup;
            foreach (var child in children)
            {
                state.Groups[child].ParentId = superGroup.Id;
            }

            return state.ToRecord(superGroup);
        }
    }

    /// <summary>Adds a user group.</summary>
    /// <param name="name">The name; duplicates are allowed, as on the server.</param>
    /// <param name="superGroupId">The supergroup it belongs to, or <see langword="null"/>.</param>
    /// <returns>The new group.</returns>
    /// <exception cref="ArgumentException">The name is blank or the supergroup does not exist.</exception>
    public MinAppEmulatedUserGroup AddUserGroup(string name, long? superGroupId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (state.Sync)
        {
            if (superGroupId is { } parent && !state.SuperGroups.ContainsKey(parent))
            {
                throw new ArgumentException($"No supergroup has id {parent}.", nameof(superGroupId));
            }

            var group = new GroupEntity(state.NewId(), name, superGroupId);
            state.Groups[group.Id] = group;
            return state.ToRecord(group);
        }
    }

    /// <summary>Adds a user profile; its <c>id</c> and <c>user_id</c> differ.</summary>
    /// <param name="nickname">The nickname.</param>
    /// <param name="userId">The <c>user_id</c>; a new one when <see langword="null"/>.</param>
    /// <returns>The new user.</returns>
    /// <exception cref="ArgumentException">The nickname is blank.</exception>
    /// <exception cref="InvalidOperationException">The <c>user_id</c> is taken.</exception>
    public MinAppEmulatedUser AddUser(string nickname, long? userId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nickname);
        lock (state.Sync)
        {
            if (userId is { } wanted && state.Users.Values.Any(user => user.UserId == wanted))
            {
                throw new InvalidOperationException($"A user with user_id {wanted} already exists.");
            }

            return state.ToRecord(state.AddUser(nickname, userId));
        }
    }

    /// <summary>Puts a user in a user group; nothing happens when it is already a member.</summary>
    /// <param name="groupId">The user group's id.</param>
    /// <param name="userId">The user's <c>user_id</c>.</param>
    /// <exception cref="ArgumentException">The group or the user does not exist.</exception>
    public void AddGroupMember(long groupId, long userId)
    {
        lock (state.Sync)
        {
            if (!state.Groups.ContainsKey(groupId))
            {
                throw new ArgumentException($"No user group has id {groupId}.", nameof(groupId));
            }

            var user = state.Users.Values.FirstOrDefault(user => user.UserId == userId)
                ?? throw new ArgumentException($"No user has user_id {userId}.", nameof(userId));
            state.Memberships.Add((user.Id, groupId));
        }
    }

    /// <summary>Issues an access token as the token endpoint would, skipping the authorize step.</summary>
    /// <returns>The access token.</returns>
    public string IssueAccessToken()
    {
        lock (state.Sync)
        {
            return state.IssueTokens().AccessToken;
        }
    }

    /// <summary>Makes every access token issued so far invalid while their refresh tokens stay usable, as an expiry would.</summary>
    public void RevokeAccessTokens()
    {
        lock (state.Sync)
        {
            state.AccessTokens.Clear();
        }
    }

    /// <summary>Makes every access and refresh token issued so far invalid, so only a fresh authorize helps.</summary>
    public void RevokeAllTokens()
    {
        lock (state.Sync)
        {
            state.AccessTokens.Clear();
            state.RefreshTokens.Clear();
        }
    }

    /// <summary>A snapshot of the user groups, by id.</summary>
    /// <returns>The groups.</returns>
    public IReadOnlyList<MinAppEmulatedUserGroup> GetUserGroups()
    {
        lock (state.Sync)
        {
            return state.Groups.Values.Select(state.ToRecord).ToArray();
        }
    }

    /// <summary>A snapshot of one user group.</summary>
    /// <param name="id">The group's id.</param>
    /// <returns>The group, or <see langword="null"/>.</returns>
    public MinAppEmulatedUserGroup? FindUserGroup(long id)
    {
        lock (state.Sync)
        {
            return state.Groups.TryGetValue(id, out var group) ? state.ToRecord(group) : null;
        }
    }

    /// <summary>A snapshot of the supergroups, by id.</summary>
    /// <returns>The supergroups.</returns>
    public IReadOnlyList<MinAppEmulatedSuperGroup> GetSuperGroups()
    {
        lock (state.Sync)
        {
            return state.SuperGroups.Values.Select(state.ToRecord).ToArray();
        }
    }

    /// <summary>A snapshot of the user profiles, by id.</summary>
    /// <returns>The users.</returns>
    public IReadOnlyList<MinAppEmulatedUser> GetUsers()
    {
        lock (state.Sync)
        {
            return state.Users.Values.Select(state.ToRecord).ToArray();
        }
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public ValueTask DisposeAsync() => host.DisposeAsync();
}
