using UserGroupClient.Diagnostics;
using UserGroupClient.Http;
using UserGroupClient.Resilience;

namespace UserGroupClient.Owl;

/// <summary>
/// The Owl (TalkingData Owl v4 API) client: typed APIs for users (<see cref="Users"/>), user groups
/// (<see cref="UserGroups"/>), host groups (<see cref="HostGroups"/>) and hosts (<see cref="Hosts"/>), and two unified
/// <see cref="IUserGroupService"/> views: <see cref="AsHostGroupService"/> (members are hosts) and
/// <see cref="AsUserGroupService"/> (members are users). Immutable and thread-safe; create one per server and reuse it.
/// Owl answers HTTP 200 with the outcome in the body's <c>code</c>; any other code raises the matching
/// <see cref="UserGroupApiException"/>.
/// </summary>
public class OwlClient : UserGroupApiClient
{
    private readonly IOwlUsersApi? _users;
    private readonly OwlUserGroupsApi? _userGroups;
    private readonly OwlHostGroupsApi? _hostGroups;
    private readonly IOwlHostsApi? _hosts;
    private readonly IUserDirectory? _userDirectory;
    private readonly IUserDirectory? _hostDirectory;
    private readonly IUserGroupService? _hostGroupService;
    private readonly IUserGroupService? _userGroupService;

    /// <summary>Creates a client with its own connection pool.</summary>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public OwlClient(OwlClientOptions options)
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
    /// (<c>POST /api/v1/login</c>, username and password in its body) and the token refresh do not go through
    /// <paramref name="httpClient"/>, but through a transport of the client's own that follows no redirect and keeps no
    /// cookies, with the system's proxy settings and certificate validation.
    /// An API call that <paramref name="httpClient"/> followed to another origin (scheme, host or port) fails with
    /// <see cref="UserGroupApiException"/> and its answer is not read; the call reached that origin without its
    /// <c>Authorization</c> header, which .NET removes on every redirect, so no credential went along. A handler with
    /// <c>AllowAutoRedirect = false</c> makes every redirect an error, as it is without a caller's client.
    /// </remarks>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public OwlClient(OwlClientOptions options, HttpClient? httpClient)
        : this(options, OwlDialect.Instance.Connect(options, httpClient, credentialTransport: null))
    {
    }

    /// <summary>
    /// Creates a client whose API calls go through <paramref name="httpClient"/> and whose credential exchanges go
    /// through <paramref name="credentialTransport"/> instead of a transport of its own; the caller keeps both. For tests,
    /// which answer both in memory.
    /// </summary>
    internal OwlClient(OwlClientOptions options, HttpClient httpClient, HttpMessageHandler credentialTransport)
        : this(options, OwlDialect.Instance.Connect(options, httpClient, credentialTransport))
    {
    }

    /// <summary>Creates a client over connections whose chain is already assembled (dependency injection builds it).</summary>
    internal OwlClient(OwlClientOptions options, ClientPipeline.Connections connections)
        : base(options, connections, OwlDialect.Instance)
    {
        var api = connections.Api;
        var endpoints = api.Api<IOwlEndpoints>(OwlJsonContext.Default);
        _userGroups = new OwlUserGroupsApi(api, endpoints);
        _users = new OwlUsersApi(api, endpoints, options.DefaultPageSize, _userGroups);
        _hostGroups = new OwlHostGroupsApi(api, endpoints, options.DefaultPageSize);
        _hosts = new OwlHostsApi(api, endpoints, options.DefaultPageSize);
        var createRecovery = new CreateRecovery(options.Resilience, options.TimeProvider, api.Errors);
        _hostGroupService = new InstrumentedUserGroupService(new OwlHostGroupService(_hostGroups, _hosts, createRecovery));
        _userGroupService = new InstrumentedUserGroupService(new OwlUserGroupService(_userGroups, _users, createRecovery));
        _userDirectory = new OwlUserDirectory(_users);
        _hostDirectory = new OwlHostDirectory(_hosts);
    }

    /// <summary>For mocking: a subclass overrides the members it needs.</summary>
    protected OwlClient()
    {
    }

    /// <summary>The typed user endpoints (<c>/api/v1/users</c>).</summary>
    public virtual IOwlUsersApi Users => _users ?? throw NotConstructed();

    /// <summary>The typed user-group endpoints (<c>/api/v1/usergroups</c>).</summary>
    public virtual IOwlUserGroupsApi UserGroups => _userGroups ?? throw NotConstructed();

    /// <summary>The typed host-group endpoints (<c>/api/v1/groups</c>).</summary>
    public virtual IOwlHostGroupsApi HostGroups => _hostGroups ?? throw NotConstructed();

    /// <summary>The typed host list (<c>/api/v1/hosts</c>).</summary>
    public virtual IOwlHostsApi Hosts => _hosts ?? throw NotConstructed();

    /// <summary>The unified <see cref="IUserGroupService"/> over host groups; member ids are host ids.</summary>
    /// <remarks>
    /// <para>
    /// Names are unique ignoring case (<see cref="UserGroupCapabilities.NameComparison"/> is
    /// <see cref="StringComparison.OrdinalIgnoreCase"/>): creating <c>Ops</c> beside <c>ops</c> raises
    /// <see cref="UserGroupConflictException"/>, while <see cref="IUserGroupService.FindGroupByNameAsync"/> returns only
    /// a group with exactly the given name.
    /// </para>
    /// <para>
    /// Owl has no endpoint that reads one group, adds or removes a member, so an operation may cost several requests
    /// (retries and the recovery of a failed create come on top; "pages" are pages of <c>GET /api/v1/groups/{id}/hosts</c>
    /// at <see cref="UserGroupClientOptions.DefaultPageSize"/>, at least one):
    /// </para>
    /// <list type="table">
    /// <listheader><term>operation</term><description>requests</description></listheader>
    /// <item><term>list, get, find</term><description>1: <c>GET /api/v1/groups</c>, filtered by the SDK.</description></item>
    /// <item><term>create</term><description>1: <c>PUT /api/v1/groups</c>; 2 with member ids (<c>GET /api/v1/hosts</c> first).</description></item>
    /// <item><term>update</term><description>1 without a name; with one, 2 + pages: the group, its hosts, and <c>POST /api/v1/groups</c> with the hosts unchanged.</description></item>
    /// <item><term>delete</term><description>2: the group's first host, then <c>DELETE</c>. Deleting n groups checks all n, then deletes them one by one.</description></item>
    /// <item><term>list members</term><description>pages.</description></item>
    /// <item><term>add members</term><description>1 + pages, then, when a host is new, <c>GET /api/v1/hosts</c> and <c>POST /api/v1/groups</c>.</description></item>
    /// <item><term>remove members</term><description>1 + pages, then <c>POST /api/v1/groups</c> when a host was a member.</description></item>
    /// <item><term>set members</term><description>3: the group, <c>GET /api/v1/hosts</c> (not for an empty list), <c>POST /api/v1/groups</c>.</description></item>
    /// </list>
    /// <para>
    /// Member changes read the group and replace its whole host list, so a change someone else makes in between is lost.
    /// Ids that name no host are refused with <see cref="UserGroupUnknownIdsException"/> before anything is written (Owl v4
    /// skips them on create, and otherwise applies the other hosts and then fails). Deleting a group that still holds
    /// hosts raises <see cref="UserGroupNotEmptyException"/> without sending the DELETE, although Owl v4 would delete it;
    /// a host added between that check and the DELETE is deleted with the group by v4, and refused by a server that
    /// applies the vendor documentation's rule (the same exception).
    /// </para>
    /// </remarks>
    public virtual IUserGroupService AsHostGroupService() => _hostGroupService ?? throw NotConstructed();

    /// <summary>The unified <see cref="IUserGroupService"/> over user groups; member ids are user ids.</summary>
    /// <remarks>
    /// <para>
    /// Names are unique ignoring case (<see cref="UserGroupCapabilities.NameComparison"/> is
    /// <see cref="StringComparison.OrdinalIgnoreCase"/>): creating <c>Ops</c> beside <c>ops</c> raises
    /// <see cref="UserGroupConflictException"/>, while <see cref="IUserGroupService.FindGroupByNameAsync"/> returns only
    /// a group with exactly the given name. Owl v4 ignores renames of user groups, so a new name raises
    /// <see cref="NotSupportedException"/> (<see cref="UserGroupCapabilities.SupportsRename"/> is false).
    /// </para>
    /// <para>
    /// Owl has no endpoint that reads one group, adds or removes a member; its group list carries every group's users.
    /// Requests per operation (retries and the recovery of a failed create come on top):
    /// </para>
    /// <list type="table">
    /// <listheader><term>operation</term><description>requests</description></listheader>
    /// <item><term>list, get, find, update, list members</term><description>1: <c>GET /api/v1/usergroups</c>, filtered by the SDK.</description></item>
    /// <item><term>create</term><description>1: <c>PUT /api/v1/usergroups</c>; 2 with member ids (<c>GET /api/v1/users?page=0</c>, every user, first).</description></item>
    /// <item><term>delete</term><description>1 per group.</description></item>
    /// <item><term>add members</term><description>1, then, when a user is new, <c>GET /api/v1/users?page=0</c> and <c>POST /api/v1/usergroups</c>.</description></item>
    /// <item><term>remove members</term><description>1, then <c>POST /api/v1/usergroups</c> when a user was a member.</description></item>
    /// <item><term>set members</term><description>3: the groups, <c>GET /api/v1/users?page=0</c> (not for an empty list), <c>POST /api/v1/usergroups</c>.</description></item>
    /// </list>
    /// <para>
    /// Member changes read the group and replace its whole user list, so a change someone else makes in between is
    /// lost, and a group deleted in between makes the replace change nothing without an error (Owl v4 skips it). Ids
    /// that name no user are refused with <see cref="UserGroupUnknownIdsException"/> before anything is written (Owl v4 skips
    /// them silently, so a set naming only unknown ids would empty the group).
    /// </para>
    /// </remarks>
    public virtual IUserGroupService AsUserGroupService() => _userGroupService ?? throw NotConstructed();

    /// <summary>
    /// Owl's users by <c>username</c> (<see cref="GroupMember.UserName"/> on <see cref="AsUserGroupService"/>), compared
    /// ignoring case as the server does: resolves names to user ids with one paged read of <c>/api/v1/users</c>.
    /// </summary>
    public virtual IUserDirectory AsUserDirectory() => _userDirectory ?? throw NotConstructed();

    /// <summary>
    /// Owl's hosts by <c>hostname</c> (<see cref="GroupMember.UserName"/> on <see cref="AsHostGroupService"/>), compared
    /// ignoring case: resolves names to host ids with one paged read of <c>/api/v1/hosts</c>; a host name that several
    /// hosts share (the server keeps host name and address unique together) resolves as ambiguous.
    /// </summary>
    public virtual IUserDirectory AsHostDirectory() => _hostDirectory ?? throw NotConstructed();
}
