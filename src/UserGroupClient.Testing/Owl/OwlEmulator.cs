using System.Security.Cryptography;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.Owl;

/// <summary>
/// A stateful in-memory Owl v4 API server on loopback HTTP: JWT login and refresh, users (MD5-stored passwords),
/// user groups, host groups and hosts with Owl's replace-only membership, its HTTP-200 envelope with <c>code</c> in the
/// body, its validation and uniqueness messages, and malformed-JSON handling. A host group that still holds hosts is
/// deleted with its memberships, as the v4 code does; <see cref="OwlEmulatorOptions.HostGroupDeleteMode"/> switches to
/// the vendor documentation's refusal.
/// </summary>
/// <remarks>
/// <para>Start one with <see cref="StartAsync(OwlEmulatorOptions?, CancellationToken)"/>, point a client at
/// <see cref="BaseAddress"/>, seed data with the <c>Add…</c> methods, and inspect <see cref="Journal"/>.</para>
/// <para>An administrator <see cref="AdminUsername"/> with password <see cref="AdminPassword"/> exists from the start.
/// All members are thread-safe.</para>
/// </remarks>
/// <example>
/// <code>
/// await using var owl = await OwlEmulator.StartAsync();
/// var web1 = owl.AddHost("web-1", "10.0.0.1");
/// var group = owl.AddHostGroup("web", [web1.Id]);
/// // point the client under test at owl.BaseAddress, logging in as admin / admin
/// </code>
/// </example>
public sealed class OwlEmulator : IAsyncDisposable
{
    /// <summary>The seeded administrator's username.</summary>
    public const string AdminUsername = "admin";

    /// <summary>The seeded administrator's password.</summary>
    public const string AdminPassword = "admin";

    private readonly EmulatorHost _host;
    private readonly OwlState _state;

    private OwlEmulator(EmulatorHost host, OwlState state)
    {
        _host = host;
        _state = state;
    }

    /// <summary>The server's root address, for example <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>Every request received so far, including rejected ones.</summary>
    public RequestJournal Journal => _host.Journal;

    /// <summary>Canned failures to serve instead of handling requests, such as a 502 page.</summary>
    public FaultInjector Faults => _host.Faults;

    /// <summary>Starts an emulator on <c>127.0.0.1</c> and a free port, or the options' <c>Port</c>.</summary>
    /// <param name="options">Clock, token lifetimes and behaviour switches; the defaults imitate Owl v4's code.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop the server.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static async Task<OwlEmulator> StartAsync(OwlEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OwlEmulatorOptions();
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        if (options.TokenLifetime <= TimeSpan.Zero || options.MaxRefresh <= TimeSpan.Zero)
        {
            throw new ArgumentException("TokenLifetime and MaxRefresh must be positive.", nameof(options));
        }

        var state = new OwlState(options);
        state.AddUser(AdminUsername, OwlState.Md5(AdminPassword), role: 1, status: 1, "13800000000", "admin@example.com", "");
        var pipeline = new OwlPipeline(state);
        var host = await EmulatorHost.StartAsync(pipeline.HandleAsync, options.TimeProvider, options.Port, cancellationToken).ConfigureAwait(false);
        return new OwlEmulator(host, state);
    }

    /// <summary>Adds a user.</summary>
    /// <param name="username">The login name; unique (case-insensitively).</param>
    /// <param name="password">The password; <see langword="null"/> makes it the username, as Owl does for users created through the API.</param>
    /// <param name="role">0 user, 1 administrator.</param>
    /// <param name="status">1 enabled; any other value cannot log in.</param>
    /// <param name="phone">The phone number.</param>
    /// <param name="mail">The e-mail address; <c>&lt;username&gt;@example.com</c> when <see langword="null"/>.</param>
    /// <param name="weixin">The WeChat id.</param>
    /// <returns>The new user.</returns>
    /// <exception cref="ArgumentException">The username is blank.</exception>
    /// <exception cref="InvalidOperationException">The username is taken.</exception>
    public OwlEmulatedUser AddUser(string username, string? password = null, int role = 0, int status = 1, string phone = "13900000000", string? mail = null, string weixin = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        lock (_state.Sync)
        {
            if (_state.FindUser(username) is not null)
            {
                throw new InvalidOperationException($"A user named '{username}' already exists.");
            }

            var user = _state.AddUser(username, OwlState.Md5(password ?? username), role, status, phone ?? "", mail ?? $"{username}@example.com", weixin ?? "");
            return _state.ToRecord(user);
        }
    }

    /// <summary>Changes a user's status, for example to disable it (any value but 1) after it has logged in.</summary>
    /// <param name="username">The user's login name.</param>
    /// <param name="status">The new status.</param>
    /// <exception cref="ArgumentException">No user has this name.</exception>
    public void SetUserStatus(string username, int status)
    {
        lock (_state.Sync)
        {
            RequireUser(username).Status = status;
        }
    }

    /// <summary>Adds a user group.</summary>
    /// <param name="name">The name; unique (case-insensitively).</param>
    /// <param name="userIds">The members' ids.</param>
    /// <returns>The new group.</returns>
    /// <exception cref="ArgumentException">A user does not exist.</exception>
    /// <exception cref="InvalidOperationException">The name is taken.</exception>
    public OwlEmulatedUserGroup AddUserGroup(string name, IEnumerable<int>? userIds = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_state.Sync)
        {
            if (_state.UserGroups.Any(g => OwlState.SameName(g.Name, name)))
            {
                throw new InvalidOperationException($"A user group named '{name}' already exists.");
            }

            var members = (userIds ?? []).ToList();
            if (members.FirstOrDefault(id => _state.FindUser(id) is null) is var missing && missing != 0)
            {
                throw new ArgumentException($"No user has id {missing}.", nameof(userIds));
            }

            return OwlState.ToRecord(_state.AddUserGroup(name, members));
        }
    }

    /// <summary>Adds a host, as an agent registering would.</summary>
    /// <param name="hostname">The host name.</param>
    /// <param name="ip">The IP address.</param>
    /// <param name="id">The id; 16 random lower-case hex digits when <see langword="null"/>.</param>
    /// <param name="name">The display name.</param>
    /// <param name="status"><c>"0"</c> failed, <c>"1"</c> normal (default), <c>"2"</c> disabled, <c>"3"</c> new.</param>
    /// <returns>The new host.</returns>
    /// <exception cref="ArgumentException">The id is blank or longer than 32 characters, or the status is not 0 to 3.</exception>
    /// <exception cref="InvalidOperationException">The id, or the pair of host name and IP, is taken.</exception>
    public OwlEmulatedHost AddHost(string hostname, string ip, string? id = null, string name = "", string status = "1")
    {
        ArgumentNullException.ThrowIfNull(hostname);
        ArgumentNullException.ThrowIfNull(ip);
        id ??= RandomNumberGenerator.GetHexString(16, lowercase: true);
        if (string.IsNullOrWhiteSpace(id) || id.Length > 32)
        {
            throw new ArgumentException("A host id is 1 to 32 characters.", nameof(id));
        }

        if (status is not ("0" or "1" or "2" or "3"))
        {
            throw new ArgumentException("A host status is \"0\", \"1\", \"2\" or \"3\".", nameof(status));
        }

        lock (_state.Sync)
        {
            if (_state.FindHost(id) is not null || _state.Hosts.Any(h => h.Hostname == hostname && h.Ip == ip))
            {
                throw new InvalidOperationException($"A host with id '{id}' or host name '{hostname}' and IP '{ip}' already exists.");
            }

            var host = new OwlHostRow { Id = id, Name = name ?? "", Ip = ip, Hostname = hostname, Sn = Guid.NewGuid().ToString(), AgentVersion = "0.1", Status = status };
            _state.Hosts.Add(host);
            return OwlState.ToRecord(host);
        }
    }

    /// <summary>Adds a host group.</summary>
    /// <param name="name">The name; unique (case-insensitively).</param>
    /// <param name="hostIds">The hosts' ids.</param>
    /// <returns>The new group.</returns>
    /// <exception cref="ArgumentException">A host does not exist.</exception>
    /// <exception cref="InvalidOperationException">The name is taken.</exception>
    public OwlEmulatedHostGroup AddHostGroup(string name, IEnumerable<string>? hostIds = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_state.Sync)
        {
            if (_state.HostGroups.Any(g => OwlState.SameName(g.Name, name)))
            {
                throw new InvalidOperationException($"A host group named '{name}' already exists.");
            }

            var hosts = (hostIds ?? []).ToList();
            if (hosts.FirstOrDefault(id => _state.FindHost(id) is null) is { } missing)
            {
                throw new ArgumentException($"No host has id '{missing}'.", nameof(hostIds));
            }

            return OwlState.ToRecord(_state.AddHostGroup(name, hosts));
        }
    }

    /// <summary>Issues a JWT as a successful login would, skipping the password check.</summary>
    /// <param name="username">The token's user.</param>
    /// <param name="lifetime">How long it stays valid on the emulator's clock; <see cref="OwlEmulatorOptions.TokenLifetime"/> when <see langword="null"/>.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ArgumentException">No user has this name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lifetime"/> is not positive.</exception>
    public string IssueToken(string username, TimeSpan? lifetime = null)
    {
        if (lifetime is { } requested)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(requested, TimeSpan.Zero, nameof(lifetime));
        }

        lock (_state.Sync)
        {
            return OwlAuthHandlers.Issue(_state, RequireUser(username), lifetime ?? _state.Options.TokenLifetime);
        }
    }

    /// <summary>A snapshot of the users, in creation order.</summary>
    /// <returns>The users.</returns>
    public IReadOnlyList<OwlEmulatedUser> GetUsers()
    {
        lock (_state.Sync)
        {
            return _state.Users.Select(_state.ToRecord).ToArray();
        }
    }

    /// <summary>A snapshot of the user groups, in creation order.</summary>
    /// <returns>The user groups.</returns>
    public IReadOnlyList<OwlEmulatedUserGroup> GetUserGroups()
    {
        lock (_state.Sync)
        {
            return _state.UserGroups.Select(OwlState.ToRecord).ToArray();
        }
    }

    /// <summary>A snapshot of the host groups, in creation order.</summary>
    /// <returns>The host groups.</returns>
    public IReadOnlyList<OwlEmulatedHostGroup> GetHostGroups()
    {
        lock (_state.Sync)
        {
            return _state.HostGroups.Select(OwlState.ToRecord).ToArray();
        }
    }

    /// <summary>A snapshot of the hosts, in creation order.</summary>
    /// <returns>The hosts.</returns>
    public IReadOnlyList<OwlEmulatedHost> GetHosts()
    {
        lock (_state.Sync)
        {
            return _state.Hosts.Select(OwlState.ToRecord).ToArray();
        }
    }

    /// <summary>A snapshot of one user.</summary>
    /// <param name="username">The login name.</param>
    /// <returns>The user, or <see langword="null"/>.</returns>
    public OwlEmulatedUser? FindUser(string username)
    {
        lock (_state.Sync)
        {
            return _state.FindUser(username) is { } user ? _state.ToRecord(user) : null;
        }
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private OwlUserRow RequireUser(string username) =>
        _state.FindUser(username) ?? throw new ArgumentException($"No user is named '{username}'.", nameof(username));
}
