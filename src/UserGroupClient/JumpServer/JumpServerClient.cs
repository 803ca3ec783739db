using UserGroupClient.Diagnostics;
using UserGroupClient.Http;
using UserGroupClient.Resilience;

namespace UserGroupClient.JumpServer;

/// <summary>
/// The JumpServer client: the typed user-group API (<see cref="UserGroups"/>) and the unified
/// <see cref="IUserGroupService"/> (<see cref="AsUserGroupService"/>). Immutable and thread-safe; create one per
/// server and reuse it. Requests go through authentication (<see cref="JumpServerClientOptions.Credentials"/>) and
/// then the transport.
/// </summary>
public class JumpServerClient : UserGroupApiClient
{
    private readonly IJumpServerUserGroupsApi? _userGroups;
    private readonly IUserGroupService? _service;
    private readonly IUserDirectory? _directory;

    /// <summary>Creates a client with its own connection pool.</summary>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public JumpServerClient(JumpServerClientOptions options)
        : this(options, httpClient: null)
    {
    }

    /// <summary>
    /// Creates a client whose API calls go through <paramref name="httpClient"/>; the SDK's resilience and authentication
    /// run around it. The caller keeps ownership of the <see cref="HttpClient"/>; its base address is ignored, and its
    /// <see cref="HttpClient.Timeout"/> should be infinite so that the SDK's own timeouts (<see cref="UserGroupClientOptions.Timeout"/>,
    /// <see cref="UserGroupClientOptions.Resilience"/>) govern.
    /// </summary>
    /// <remarks>
    /// An <see cref="HttpClient"/> with default settings follows redirects, resending a request body to wherever a
    /// redirect points, and whether a given one does cannot be seen from outside. So the password login
    /// (<c>POST /api/v1/authentication/auth/</c>, username and password in its body) does not go through
    /// <paramref name="httpClient"/>, but through a transport of the client's own that follows no redirect and keeps no
    /// cookies, with the system's proxy settings and certificate validation.
    /// An API call that <paramref name="httpClient"/> followed to another origin (scheme, host or port) fails with
    /// <see cref="UserGroupApiException"/> and its answer is not read; the call reached that origin without its
    /// <c>Authorization</c> header, which .NET removes on every redirect, so no credential went along. A handler with
    /// <c>AllowAutoRedirect = false</c> makes every redirect an error, as it is without a caller's client.
    /// </remarks>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public JumpServerClient(JumpServerClientOptions options, HttpClient? httpClient)
        : this(options, JumpServerDialect.Instance.Connect(options, httpClient, credentialTransport: null))
    {
    }

    /// <summary>
    /// Creates a client whose API calls go through <paramref name="httpClient"/> and whose credential exchanges go
    /// through <paramref name="credentialTransport"/> instead of a transport of its own; the caller keeps both. For tests,
    /// which answer both in memory.
    /// </summary>
    internal JumpServerClient(JumpServerClientOptions options, HttpClient httpClient, HttpMessageHandler credentialTransport)
        : this(options, JumpServerDialect.Instance.Connect(options, httpClient, credentialTransport))
    {
    }

    /// <summary>Creates a client over connections whose chain is already assembled (dependency injection builds it).</summary>
    internal JumpServerClient(JumpServerClientOptions options, ClientPipeline.Connections connections)
        : base(options, connections, JumpServerDialect.Instance)
    {
        var endpoints = connections.Api.Api<IJumpServerEndpoints>(JumpServerJsonContext.Default);
        var userGroups = new JumpServerUserGroupsApi(connections.Api, endpoints, JumpServerDialect.OrganizationId(options), options.DefaultPageSize, options.MaxPageSize);
        _userGroups = userGroups;
        _directory = new JumpServerUserDirectory(userGroups);
        _service = new InstrumentedUserGroupService(
            new JumpServerUserGroupService(_userGroups, options.MaxPageSize, new CreateRecovery(options.Resilience, options.TimeProvider, connections.Api.Errors)));
    }

    /// <summary>For mocking: a subclass overrides the members it needs.</summary>
    protected JumpServerClient()
    {
    }

    /// <summary>The typed user-group endpoints, in the configured organization.</summary>
    public virtual IJumpServerUserGroupsApi UserGroups => _userGroups ?? throw NotConstructed();

    /// <summary>
    /// The unified <see cref="IUserGroupService"/> over this client, in its organization. Group and member ids are
    /// JumpServer's UUIDs. See the remarks for what JumpServer does differently from the other dialects.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item><description><b>Names.</b> Names are unique within an organization (a second create raises
    /// <see cref="UserGroupConflictException"/>) and stored without surrounding spaces.
    /// <see cref="IUserGroupService.FindGroupByNameAsync"/> matches the exact (trimmed) name, ordinally, even where the
    /// server's database compares names ignoring case. <see cref="UserGroupQuery.Search"/> is the server's own search.
    /// Groups have no parent (<see cref="NotSupportedException"/>).</description></item>
    /// <item><description><b>Requests per operation.</b> Get, find, update (one PATCH) and delete cost one request each;
    /// list costs one per page; create costs one, plus one name lookup before it when retries are on (see
    /// <see cref="IUserGroupService.CreateGroupAsync"/>); delete-many costs one request for one id and three for more
    /// (cache the ids, check that the selection holds exactly them, delete by it); list members costs the group read
    /// and every member page; add members costs the group read (the detail lists every member) and one relation POST
    /// for the users not yet in it; remove members costs the group read and one relation DELETE per member removed;
    /// set members is one PATCH.</description></item>
    /// <item><description><b>Concurrent changes.</b> Add and remove change one user-group relation each, so another
    /// client's changes to other members are kept; set replaces the whole list by design.</description></item>
    /// <item><description><b>Unknown member ids.</b> The server checks every id of a create, an add or a set before it
    /// changes anything: an id that is no user raises <see cref="UserGroupValidationException"/> and the group keeps
    /// its members.</description></item>
    /// </list>
    /// </remarks>
    public virtual IUserGroupService AsUserGroupService() => _service ?? throw NotConstructed();

    /// <summary>
    /// The users of this client's organization by their login <c>username</c> (<see cref="GroupMember.UserName"/>),
    /// compared ordinally: resolves the names to the ids the member calls of <see cref="AsUserGroupService"/> take, with
    /// one paged read of <c>/api/v1/users/users/</c>.
    /// </summary>
    public virtual IUserDirectory AsUserDirectory() => _directory ?? throw NotConstructed();
}
