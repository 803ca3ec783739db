using System.Security.Cryptography;
using System.Text;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>
/// A stateful in-memory JumpServer on loopback HTTP: user groups, membership relations, users, organizations,
/// password login, Bearer, private-token and access-key (HTTP signature) authentication, with the server's status
/// codes and error bodies, including its quirks.
/// </summary>
/// <remarks>
/// <para>Start one with <see cref="StartAsync(JumpServerEmulatorOptions?, CancellationToken)"/>, point a client at
/// <see cref="BaseAddress"/>, seed data with the <c>Add…</c> methods, and inspect <see cref="Journal"/>.</para>
/// <para>A superuser <see cref="AdminUsername"/> with password <see cref="AdminPassword"/> exists from the start.
/// All members are thread-safe.</para>
/// </remarks>
/// <example>
/// <code>
/// await using var jms = await JumpServerEmulator.StartAsync();
/// var key = jms.AddAccessKey(JumpServerEmulator.AdminUsername);
/// var group = jms.AddGroup("ops");
/// // point the client under test at jms.BaseAddress, signing with key.Id and key.Secret
/// </code>
/// </example>
public sealed class JumpServerEmulator : IAsyncDisposable
{
    /// <summary>The id of the DEFAULT organization, used when a request names none or an unknown one.</summary>
    public const string DefaultOrganizationId = "00000000-0000-0000-0000-000000000002";

    /// <summary>The id of the ROOT ("GLOBAL") organization: lists span every organization, and creating groups fails.</summary>
    public const string RootOrganizationId = "00000000-0000-0000-0000-000000000000";

    /// <summary>The id of the SYSTEM organization (v3 and later).</summary>
    public const string SystemOrganizationId = "00000000-0000-0000-0000-000000000004";

    /// <summary>The seeded superuser's username.</summary>
    public const string AdminUsername = "admin";

    /// <summary>The seeded superuser's password.</summary>
    public const string AdminPassword = "admin-password";

    private const int GroupNameMaxLength = 128;

    private readonly EmulatorHost host;
    private readonly JumpServerState state;

    private JumpServerEmulator(EmulatorHost host, JumpServerState state)
    {
        this.host = host;
        this.state = state;
    }

    /// <summary>The server's root address, for example <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress => host.BaseAddress;

    /// <summary>Every request received so far, including rejected ones.</summary>
    public RequestJournal Journal => host.Journal;

    /// <summary>Canned failures to serve instead of handling requests, such as a 429 or a 502 page.</summary>
    public FaultInjector Faults => host.Faults;

    /// <summary>The release line being imitated.</summary>
    public JumpServerEmulatorVersion Version => state.Settings.Version;

    /// <summary>The seeded superuser (<see cref="AdminUsername"/>), a member of every organization.</summary>
    public JumpServerEmulatedUser Admin
    {
        get
        {
            lock (state.Sync)
            {
                return state.FindUserByUsername(AdminUsername)!;
            }
        }
    }

    /// <summary>Starts an emulator on <c>127.0.0.1</c> and a free port, or the options' <c>Port</c>.</summary>
    /// <param name="options">Version, clock and limits; the defaults imitate JumpServer v4.10.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop the server.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static async Task<JumpServerEmulator> StartAsync(JumpServerEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var settings = JumpServerSettings.From(options ?? new JumpServerEmulatorOptions());
        var state = new JumpServerState(settings);
        state.AddUser(
            new JumpServerEmulatedUser(
                JumpServerState.NewId(),
                AdminUsername,
                "Administrator",
                "admin@example.com",
                IsAdmin: true,
                IsActive: true,
                MfaRequired: false,
                IsServiceAccount: false,
                state.Organizations.Select(organization => organization.Id).ToArray(),
                state.Now),
            AdminPassword);

        var pipeline = new JumpServerPipeline(state, JumpServerRoutes.Create());
        var host = await EmulatorHost.StartAsync(pipeline.HandleAsync, settings.TimeProvider, options?.Port ?? 0, cancellationToken).ConfigureAwait(false);
        return new JumpServerEmulator(host, state);
    }

    /// <summary>Adds a user.</summary>
    /// <param name="username">The login name; unique.</param>
    /// <param name="name">The display name; defaults to <paramref name="username"/>.</param>
    /// <param name="password">The login password; <see langword="null"/> leaves the user without one, so password login fails.</param>
    /// <param name="isAdmin">Makes the user a superuser, allowed everything and a member of every organization.</param>
    /// <param name="isActive">Whether the account is enabled.</param>
    /// <param name="mfaRequired">Whether password login stops at <c>mfa_required</c>.</param>
    /// <param name="isServiceAccount">Whether the user is a service account.</param>
    /// <param name="organizationIds">The organizations the user joins; DEFAULT when <see langword="null"/>. Ignored for superusers.</param>
    /// <returns>The new user.</returns>
    /// <exception cref="ArgumentException">A name is blank, or an organization does not exist.</exception>
    /// <exception cref="InvalidOperationException">The username is taken.</exception>
    public JumpServerEmulatedUser AddUser(
        string username,
        string? name = null,
        string? password = null,
        bool isAdmin = false,
        bool isActive = true,
        bool mfaRequired = false,
        bool isServiceAccount = false,
        IEnumerable<string>? organizationIds = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        lock (state.Sync)
        {
            if (state.FindUserByUsername(username) is not null)
            {
                throw new InvalidOperationException($"A user named '{username}' already exists.");
            }

            var organizations = isAdmin
                ? state.Organizations.Select(organization => organization.Id).ToArray()
                : (organizationIds ?? [DefaultOrganizationId]).Select(id => RequireOrganization(id, nameof(organizationIds))).Distinct().ToArray();
            var user = new JumpServerEmulatedUser(
                JumpServerState.NewId(),
                username,
                string.IsNullOrWhiteSpace(name) ? username : name,
                $"{username}@example.com",
                isAdmin,
                isActive,
                mfaRequired,
                isServiceAccount,
                organizations,
                state.Now);
            state.AddUser(user, password);
            return user;
        }
    }

    /// <summary>Adds an access key for HTTP-signature authentication.</summary>
    /// <param name="username">The key's owner.</param>
    /// <param name="keyId">The key id, a UUID; a new one when <see langword="null"/>.</param>
    /// <param name="secret">The secret; when <see langword="null"/>, 36 random letters and digits (v3 and later) or a UUID string (v2.28).</param>
    /// <param name="isActive">Whether the key is enabled.</param>
    /// <param name="allowedIps">The client addresses allowed (<c>*</c>, addresses, CIDR networks, <c>first-last</c> ranges); everyone when <see langword="null"/>.</param>
    /// <returns>The new key, including its secret.</returns>
    /// <exception cref="ArgumentException">The user does not exist, or the id, secret or an address entry is malformed.</exception>
    /// <exception cref="InvalidOperationException">The key id is taken.</exception>
    public JumpServerEmulatedAccessKey AddAccessKey(string username, string? keyId = null, string? secret = null, bool isActive = true, IEnumerable<string>? allowedIps = null)
    {
        string id;
        if (keyId is null)
        {
            id = JumpServerState.NewId();
        }
        else if (!PythonValues.TryNormalizeUuid(keyId, out id))
        {
            throw new ArgumentException("The key id must be a UUID.", nameof(keyId));
        }

        if (secret is not null && (secret.Length == 0 || !Ascii.IsValid(secret)))
        {
            throw new ArgumentException("The secret must be non-empty ASCII text.", nameof(secret));
        }

        var allowed = (allowedIps ?? ["*"]).ToArray();
        if (allowed.FirstOrDefault(entry => !IpAllowList.IsValidEntry(entry)) is { } invalid)
        {
            throw new ArgumentException($"'{invalid}' is not an address, network, range or '*'.", nameof(allowedIps));
        }

        lock (state.Sync)
        {
            var user = RequireUser(username);
            if (state.FindAccessKey(id) is not null)
            {
                throw new InvalidOperationException($"An access key with id '{id}' already exists.");
            }

            secret ??= state.Settings.IsV2 ? JumpServerState.NewId() : JumpServerState.RandomAlphaNumeric(36);
            var key = new JumpServerEmulatedAccessKey(id, secret, user.Username, user.Id, isActive, allowed);
            state.AddAccessKey(key);
            return key;
        }
    }

    /// <summary>Adds a private token, sent as <c>Authorization: Token &lt;key&gt;</c>.</summary>
    /// <param name="username">The token's owner.</param>
    /// <param name="key">The token; 40 random lower-case hex digits when <see langword="null"/>.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ArgumentException">The user does not exist, or the key is empty or contains whitespace.</exception>
    /// <exception cref="InvalidOperationException">The key is taken.</exception>
    public string AddPrivateToken(string username, string? key = null)
    {
        if (key is not null && (key.Length == 0 || key.Any(char.IsWhiteSpace)))
        {
            throw new ArgumentException("The key must be non-empty and contain no whitespace.", nameof(key));
        }

        lock (state.Sync)
        {
            var user = RequireUser(username);
            key ??= RandomNumberGenerator.GetHexString(40, lowercase: true);
            if (state.FindPrivateTokenUser(key) is not null)
            {
                throw new InvalidOperationException("That private token already exists.");
            }

            state.AddPrivateToken(key, user.Id);
            return key;
        }
    }

    /// <summary>Issues a Bearer token as a successful password login would, skipping the password and MFA checks.</summary>
    /// <param name="username">The token's user.</param>
    /// <param name="lifetime">How long it stays valid, on the emulator's clock; <see cref="JumpServerEmulatorOptions.TokenLifetime"/> when <see langword="null"/>.</param>
    /// <returns>The 36-character token.</returns>
    /// <exception cref="ArgumentException">The user does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lifetime"/> is not positive.</exception>
    public string IssueBearerToken(string username, TimeSpan? lifetime = null)
    {
        if (lifetime is { } requested)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(requested, TimeSpan.Zero, nameof(lifetime));
        }

        lock (state.Sync)
        {
            var user = RequireUser(username);
            state.IssueBearerToken(user.Id, lifetime ?? state.Settings.TokenLifetime, out var token);
            return token;
        }
    }

    /// <summary>Adds an organization; every superuser joins it.</summary>
    /// <param name="name">The name; unique. Requests may name the organization by it.</param>
    /// <param name="id">The id, a UUID; a new one when <see langword="null"/>.</param>
    /// <returns>The organization's id.</returns>
    /// <exception cref="ArgumentException">The name is blank or the id malformed.</exception>
    /// <exception cref="InvalidOperationException">The name or id is taken.</exception>
    public string AddOrganization(string name, string? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string organizationId;
        if (id is null)
        {
            organizationId = JumpServerState.NewId();
        }
        else if (!PythonValues.TryNormalizeUuid(id, out organizationId))
        {
            throw new ArgumentException("The organization id must be a UUID.", nameof(id));
        }

        lock (state.Sync)
        {
            if (organizationId == RootOrganizationId || state.FindOrganization(organizationId) is not null)
            {
                throw new InvalidOperationException($"An organization with id '{organizationId}' already exists.");
            }

            if (state.FindOrganizationByName(name) is not null)
            {
                throw new InvalidOperationException($"An organization named '{name}' already exists.");
            }

            return state.AddOrganization(name, organizationId).Id;
        }
    }

    /// <summary>Adds a user group, created by <c>System</c>.</summary>
    /// <param name="name">The name, trimmed; unique within the organization, at most 128 characters.</param>
    /// <param name="organizationId">The organization; DEFAULT when <see langword="null"/>. Not ROOT.</param>
    /// <param name="comment">The comment; empty when <see langword="null"/>.</param>
    /// <param name="userIds">The member users' ids.</param>
    /// <returns>The new group.</returns>
    /// <exception cref="ArgumentException">The name is blank or too long, or the organization or a user does not exist.</exception>
    /// <exception cref="InvalidOperationException">The name is taken in the organization.</exception>
    public JumpServerEmulatedGroup AddGroup(string name, string? organizationId = null, string? comment = null, IEnumerable<string>? userIds = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var trimmed = name.Trim();
        if (trimmed.EnumerateRunes().Count() > GroupNameMaxLength)
        {
            throw new ArgumentException($"A group name has at most {GroupNameMaxLength} characters.", nameof(name));
        }

        lock (state.Sync)
        {
            var organization = RequireOrganization(organizationId ?? DefaultOrganizationId, nameof(organizationId));
            if (state.Groups.Any(group => group.OrganizationId == organization && group.Name == trimmed))
            {
                throw new InvalidOperationException($"A group named '{trimmed}' already exists in organization '{organization}'.");
            }

            var members = (userIds ?? []).Select(userId => RequireUserId(userId, nameof(userIds))).ToList();
            var group = state.CreateGroup(null, trimmed, comment?.Trim() ?? string.Empty, organization, "System", members);
            return state.ToRecord(group);
        }
    }

    /// <summary>
    /// Seeds many groups at once, e.g. for paging and load tests: the names are checked against the organization once,
    /// so seeding n groups takes time in proportion to n, not n².
    /// </summary>
    /// <param name="names">The names; each is trimmed and must be unique in the organization.</param>
    /// <param name="organizationId">The organization; <see langword="null"/> means DEFAULT.</param>
    /// <param name="comment">The comment of every group.</param>
    /// <returns>The new groups, in the order of <paramref name="names"/>.</returns>
    /// <exception cref="ArgumentException">A name is blank or too long, or the organization does not exist.</exception>
    /// <exception cref="InvalidOperationException">A name is taken in the organization or given twice; nothing was added.</exception>
    public IReadOnlyList<JumpServerEmulatedGroup> AddGroups(IEnumerable<string> names, string? organizationId = null, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        var trimmed = names.Select(name =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(names));
            var value = name.Trim();
            return value.EnumerateRunes().Count() <= GroupNameMaxLength
                ? value
                : throw new ArgumentException($"A group name has at most {GroupNameMaxLength} characters.", nameof(names));
        }).ToList();

        lock (state.Sync)
        {
            var organization = RequireOrganization(organizationId ?? DefaultOrganizationId, nameof(organizationId));
            var taken = state.Groups.Where(group => group.OrganizationId == organization).Select(group => group.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var name in trimmed)
            {
                if (!taken.Add(name))
                {
                    throw new InvalidOperationException($"A group named '{name}' already exists in organization '{organization}' or is given twice.");
                }
            }

            return trimmed.Select(name => state.ToRecord(state.CreateGroup(null, name, comment?.Trim() ?? string.Empty, organization, "System", []))).ToList();
        }
    }

    /// <summary>Adds a user to a group, as a relation row; does nothing when the user is already a member.</summary>
    /// <param name="groupId">The group's id.</param>
    /// <param name="userId">The user's id.</param>
    /// <exception cref="ArgumentException">The group or the user does not exist.</exception>
    public void AddGroupMember(string groupId, string userId)
    {
        lock (state.Sync)
        {
            var group = PythonValues.TryNormalizeUuid(groupId, out var id) ? state.FindGroup(id) : null;
            if (group is null)
            {
                throw new ArgumentException($"No group has id '{groupId}'.", nameof(groupId));
            }

            var user = RequireUserId(userId, nameof(userId));
            if (state.FindMembership(user, group.Id) is null)
            {
                state.AddMembership(user, group.Id);
            }
        }
    }

    /// <summary>A snapshot of the user groups, ordered by name (ordinal), then id.</summary>
    /// <param name="organizationId">Only this organization's groups; every organization's when <see langword="null"/> or ROOT.</param>
    /// <returns>The groups.</returns>
    public IReadOnlyList<JumpServerEmulatedGroup> GetGroups(string? organizationId = null)
    {
        lock (state.Sync)
        {
            var normalized = PythonValues.TryNormalizeUuid(organizationId, out var id) ? id : organizationId;
            return state.Groups
                .Where(group => normalized is null or RootOrganizationId || group.OrganizationId == normalized)
                .OrderBy(group => group.Name, StringComparer.Ordinal)
                .ThenBy(group => group.Id, StringComparer.Ordinal)
                .Select(state.ToRecord)
                .ToArray();
        }
    }

    /// <summary>A snapshot of one user group.</summary>
    /// <param name="id">The group's id.</param>
    /// <returns>The group, or <see langword="null"/> when there is none with that id.</returns>
    public JumpServerEmulatedGroup? FindGroup(string id)
    {
        lock (state.Sync)
        {
            return PythonValues.TryNormalizeUuid(id, out var normalized) && state.FindGroup(normalized) is { } group
                ? state.ToRecord(group)
                : null;
        }
    }

    /// <summary>A snapshot of one user.</summary>
    /// <param name="username">The user's login name.</param>
    /// <returns>The user, or <see langword="null"/> when there is none with that username.</returns>
    public JumpServerEmulatedUser? FindUser(string username)
    {
        lock (state.Sync)
        {
            return state.FindUserByUsername(username);
        }
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public ValueTask DisposeAsync() => host.DisposeAsync();

    private string RequireOrganization(string id, string parameterName) =>
        PythonValues.TryNormalizeUuid(id, out var normalized) && normalized != RootOrganizationId && state.FindOrganization(normalized) is not null
            ? normalized
            : throw new ArgumentException($"No organization (other than ROOT) has id '{id}'.", parameterName);

    private JumpServerEmulatedUser RequireUser(string username) =>
        state.FindUserByUsername(username) ?? throw new ArgumentException($"No user is named '{username}'.", nameof(username));

    private string RequireUserId(string userId, string parameterName) =>
        PythonValues.TryNormalizeUuid(userId, out var id) && state.FindUser(id) is not null
            ? id
            : throw new ArgumentException($"No user has id '{userId}'.", parameterName);
}
