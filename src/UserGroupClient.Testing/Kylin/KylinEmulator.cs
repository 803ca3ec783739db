using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// A stateful in-memory Kylin (KAP / Kyligence Enterprise 3.x, the v2 <c>user_group</c> API) on loopback HTTP: users
/// with bcrypt-looking hashes, the built-in groups, membership kept on each user, HTTP Basic with the account lock,
/// the <c>{code, data, msg}</c> envelope and the server's error bodies and statuses, including its quirks (business
/// errors as HTTP 500, page-index paging, the non-transactional member update, the dot cut from path names).
/// </summary>
/// <remarks>
/// <para>Start one with <see cref="StartAsync(KylinEmulatorOptions?, CancellationToken)"/>, point a client at
/// <see cref="BaseAddress"/> (the API is under <c>/kylin/api/</c>), seed data with the <c>Add…</c> methods, and
/// inspect <see cref="Journal"/>.</para>
/// <para>The groups <c>ALL_USERS</c>, <c>ROLE_ADMIN</c>, <c>ROLE_MODELER</c> and <c>ROLE_ANALYST</c> exist from the
/// start, and every user added joins <c>ALL_USERS</c>. As on KAP 3.x, nothing protects them: any of them can be deleted
/// (which first strips it from every user), and a member update that leaves users out of <c>ALL_USERS</c> removes them
/// for good. <see cref="KylinEmulatorOptions.GuardBuiltInGroups"/> and <see cref="KylinEmulatorOptions.ReAddAllUsersOnSave"/>
/// turn on Apache Kylin's protections instead.
/// <see cref="AdminUsername"/>/<see cref="AdminPassword"/> is an admin; by default <c>ANALYST</c>/<c>ANALYST</c> and
/// <c>MODELER</c>/<c>MODELER</c> exist too. All members are thread-safe.</para>
/// </remarks>
/// <example>
/// <code>
/// await using var kylin = await KylinEmulator.StartAsync();
/// kylin.AddUser("alice", "alice-password");
/// kylin.AddGroup("ops", ["alice"]);
/// // point the client under test at kylin.BaseAddress with Basic ADMIN / KYLIN
/// </code>
/// </example>
public sealed class KylinEmulator : IAsyncDisposable
{
    /// <summary>The seeded admin's username.</summary>
    public const string AdminUsername = "ADMIN";

    /// <summary>The seeded admin's password.</summary>
    public const string AdminPassword = "KYLIN";

    /// <summary>The seeded non-admin user (password <c>ANALYST</c>), unless <see cref="KylinEmulatorOptions.SeedDefaultUsers"/> is off.</summary>
    public const string AnalystUsername = "ANALYST";

    /// <summary>The seeded non-admin modeler (password <c>MODELER</c>), unless <see cref="KylinEmulatorOptions.SeedDefaultUsers"/> is off.</summary>
    public const string ModelerUsername = "MODELER";

    private readonly EmulatorHost host;
    private readonly KylinState state;

    private KylinEmulator(EmulatorHost host, KylinState state)
    {
        this.host = host;
        this.state = state;
    }

    /// <summary>The server's root address, for example <c>http://127.0.0.1:54321/</c>; the API is under <c>kylin/api/</c>.</summary>
    public Uri BaseAddress => host.BaseAddress;

    /// <summary>The server this emulator behaves as.</summary>
    public KylinEmulatorFlavor Flavor => state.Flavor;

    /// <summary>Every request received so far, including rejected ones.</summary>
    public RequestJournal Journal => host.Journal;

    /// <summary>Canned failures to serve instead of handling requests, such as an HTML 401 page or a slow answer.</summary>
    public FaultInjector Faults => host.Faults;

    /// <summary>Starts an emulator on <c>127.0.0.1</c> and a free port.</summary>
    /// <param name="options">Flavor, clock, seeded users and lock duration; the defaults imitate a fresh KAP 3.x.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop the server.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static async Task<KylinEmulator> StartAsync(KylinEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new KylinEmulatorOptions();
        if (options.TimeProvider is null)
        {
            throw new ArgumentException("A TimeProvider is required.", nameof(options));
        }

        if (options.LockDuration <= TimeSpan.Zero)
        {
            throw new ArgumentException("The lock duration must be positive.", nameof(options));
        }

        if (!Enum.IsDefined(options.Flavor))
        {
            throw new ArgumentException($"Unknown flavor {options.Flavor}.", nameof(options));
        }

        var state = new KylinState(options);
        state.AddUser(AdminUsername, AdminPassword, isAdmin: true, disabled: false, defaultPassword: false);
        if (options.SeedDefaultUsers ?? !state.IsV4)
        {
            state.AddUser(AnalystUsername, "ANALYST", isAdmin: false, disabled: false, defaultPassword: true);
            state.AddUser(ModelerUsername, "MODELER", isAdmin: false, disabled: false, defaultPassword: true);
        }

        var pipeline = new KylinPipeline(state);
        var host = await EmulatorHost.StartAsync(pipeline.HandleAsync, options.TimeProvider, cancellationToken).ConfigureAwait(false);
        return new KylinEmulator(host, state);
    }

    /// <summary>Adds a user, in <c>ALL_USERS</c> (and <c>ROLE_ADMIN</c> when <paramref name="isAdmin"/>), as the server's user API creates one.</summary>
    /// <param name="username">The login name; unique, case-sensitive, without <c>:</c>.</param>
    /// <param name="password">The password.</param>
    /// <param name="isAdmin">Gives the user <c>ROLE_ADMIN</c>: allowed every user-group call.</param>
    /// <param name="disabled">Disables the account: its logins get 401.</param>
    /// <returns>The new user.</returns>
    /// <exception cref="ArgumentException">The username is blank or holds <c>:</c>, or the password is empty.</exception>
    /// <exception cref="InvalidOperationException">The username is taken.</exception>
    public KylinEmulatedUser AddUser(string username, string password, bool isAdmin = false, bool disabled = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        if (username.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A username cannot contain ':' (Basic authentication could not carry it).", nameof(username));
        }

        lock (state.Sync)
        {
            if (state.Users.ContainsKey(username))
            {
                throw new InvalidOperationException($"A user named '{username}' already exists.");
            }

            return state.ToRecord(state.AddUser(username, password, isAdmin, disabled, defaultPassword: false));
        }
    }

    /// <summary>Adds a group, and puts the given users in it.</summary>
    /// <param name="name">The group's name (case-sensitive).</param>
    /// <param name="usernames">Users to add to it.</param>
    /// <exception cref="ArgumentException">The name is blank, or a user does not exist.</exception>
    /// <exception cref="InvalidOperationException">The group exists.</exception>
    public void AddGroup(string name, IEnumerable<string>? usernames = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (state.Sync)
        {
            var users = (usernames ?? []).Select(RequireUser).ToList();
            if (!state.Groups.Add(name))
            {
                throw new InvalidOperationException($"A group named '{name}' already exists.");
            }

            foreach (var user in users)
            {
                user.Grant(name);
                state.Save(user);
            }
        }
    }

    /// <summary>Gives a user ADMINISTRATION on a project, which lets them list groups with that <c>project</c>.</summary>
    /// <param name="project">The project's name.</param>
    /// <param name="username">The user.</param>
    /// <exception cref="ArgumentException">The user does not exist.</exception>
    public void GrantProjectAdministration(string project, string username)
    {
        ArgumentNullException.ThrowIfNull(project);
        lock (state.Sync)
        {
            state.ProjectAdministrators.Add((project, RequireUser(username).Username));
        }
    }

    /// <summary>The group names, in the server's (ordinal) order.</summary>
    /// <returns>A snapshot of the names.</returns>
    public IReadOnlyList<string> GetGroups()
    {
        lock (state.Sync)
        {
            return [.. state.Groups];
        }
    }

    /// <summary>The usernames that carry a group's authority, sorted; also for a group that <see cref="GetGroups"/> does not list.</summary>
    /// <param name="name">The group's name.</param>
    /// <returns>A snapshot of the usernames.</returns>
    public IReadOnlyList<string> GetGroupMembers(string name)
    {
        lock (state.Sync)
        {
            return state.MembersOf(name).Select(user => user.Username).ToArray();
        }
    }

    /// <summary>A snapshot of one user.</summary>
    /// <param name="username">The login name.</param>
    /// <returns>The user, or <see langword="null"/> when there is none with that name.</returns>
    public KylinEmulatedUser? FindUser(string username)
    {
        lock (state.Sync)
        {
            return state.Users.TryGetValue(username, out var user) ? state.ToRecord(user) : null;
        }
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public ValueTask DisposeAsync() => host.DisposeAsync();

    private KylinStoredUser RequireUser(string username) =>
        state.Users.TryGetValue(username, out var user) ? user : throw new ArgumentException($"No user is named '{username}'.", nameof(username));
}
