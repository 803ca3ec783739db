using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// A stateful in-memory Kylin on loopback HTTP, in the flavor chosen by <see cref="KylinEmulatorOptions.Flavor"/>: KAP /
/// Kyligence Enterprise 3.x and its v2 <c>user_group</c> API (the default), Apache Kylin 3.x/4.x, Kyligence Enterprise
/// 4.x or Kylin 5. Each answers as that server's code does (docs/wire/kylin.md): its media types, paging, envelopes,
/// error bodies and statuses, authentication answers and account lock, guards and quirks. Users carry bcrypt-looking
/// hashes and their group memberships, as on the servers.
/// </summary>
/// <remarks>
/// <para>Start one with <see cref="StartAsync(KylinEmulatorOptions?, CancellationToken)"/>, point a client at
/// <see cref="BaseAddress"/> (the API is under <c>/kylin/api/</c>), seed data with the <c>Add…</c> methods, and
/// inspect <see cref="Journal"/>.</para>
/// <para>The groups <c>ALL_USERS</c>, <c>ROLE_ADMIN</c>, <c>ROLE_MODELER</c> and <c>ROLE_ANALYST</c> exist from the
/// start, and every user added joins <c>ALL_USERS</c>. On KAP 3.x nothing protects them: any of them can be deleted
/// (which first strips it from every user), and a member update that leaves users out of <c>ALL_USERS</c> removes them
/// for good. The other flavors guard <c>ALL_USERS</c> and <c>ROLE_ADMIN</c>; Apache Kylin puts every saved user back in
/// <c>ALL_USERS</c>, Kylin 5 and Kyligence Enterprise 4.x refuse the removal (<see cref="KylinEmulatorOptions.GuardBuiltInGroups"/>
/// and <see cref="KylinEmulatorOptions.ReAddAllUsersOnSave"/> override these defaults).
/// <see cref="AdminUsername"/>/<see cref="AdminPassword"/> is an admin; on KAP 3.x and Apache Kylin <c>ANALYST</c>/<c>ANALYST</c>
/// and <c>MODELER</c>/<c>MODELER</c> exist too. All members are thread-safe.</para>
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

    /// <summary>Starts an emulator on <c>127.0.0.1</c> and a free port, or the options' <c>Port</c>.</summary>
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
        Seed(state, options.SeedDefaultUsers ?? !state.IsV4);
        RequestDelegate pipeline = state.Flavor switch
        {
            KylinEmulatorFlavor.Kap3 => new KylinKapPipeline(state).HandleAsync,
            KylinEmulatorFlavor.Apache3 or KylinEmulatorFlavor.Apache4 => new KylinApachePipeline(state).HandleAsync,
            _ => new KylinV4Pipeline(state).HandleAsync,
        };
        var host = await EmulatorHost.StartAsync(pipeline, options.TimeProvider, options.Port, cancellationToken).ConfigureAwait(false);
        return new KylinEmulator(host, state);
    }

    /// <summary>Adds a user, in <c>ALL_USERS</c> (and <c>ROLE_ADMIN</c> when <paramref name="isAdmin"/>), as the server's user API creates one.</summary>
    /// <param name="username">The login name, without <c>:</c>; unique, case-sensitive on KAP 3.x, ignoring case on the other flavors.</param>
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

            return state.ToRecord(state.AddUser(username, password, isAdmin ? [KylinState.RoleAdmin] : [], disabled, defaultPassword: false));
        }
    }

    /// <summary>Adds a group, and puts the given users in it.</summary>
    /// <param name="name">The group's name: case-sensitive, but unique ignoring case on Kylin 5 and Kyligence Enterprise 4.x.</param>
    /// <param name="usernames">Users to add to it.</param>
    /// <exception cref="ArgumentException">The name is blank, or a user does not exist.</exception>
    /// <exception cref="InvalidOperationException">The group exists (on Kylin 5 and Kyligence Enterprise 4.x: in any case).</exception>
    public void AddGroup(string name, IEnumerable<string>? usernames = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (state.Sync)
        {
            var users = (usernames ?? []).Select(RequireUser).ToList();
            var taken = state.IsV4 ? state.FindGroupIgnoringCase(name) is not null : state.Groups.ContainsKey(name);
            if (taken || !state.AddGroup(name))
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
            return [.. state.Groups.Keys];
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

    // The first-start users: KAP gives its non-admins only ALL_USERS, Apache Kylin's testing profile gives roles.
    private static void Seed(KylinState state, bool defaultUsers)
    {
        var apache = state.IsApache;
        state.AddUser(AdminUsername, AdminPassword, apache ? [KylinState.RoleAdmin, KylinState.RoleModeler, KylinState.RoleAnalyst] : [KylinState.RoleAdmin], disabled: false, defaultPassword: false);
        if (defaultUsers)
        {
            state.AddUser(AnalystUsername, "ANALYST", apache ? [KylinState.RoleAnalyst] : [], disabled: false, defaultPassword: true);
            state.AddUser(ModelerUsername, "MODELER", apache ? [KylinState.RoleModeler, KylinState.RoleAnalyst] : [], disabled: false, defaultPassword: true);
        }
    }

    private KylinStoredUser RequireUser(string username) =>
        state.Users.TryGetValue(username, out var user) ? user : throw new ArgumentException($"No user is named '{username}'.", nameof(username));
}
