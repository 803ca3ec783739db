using UserGroupClient.Http;

namespace UserGroupClient.Owl;

/// <summary>
/// The Owl (TalkingData Owl v4 API) client: typed APIs for users (<see cref="Users"/>), user groups
/// (<see cref="UserGroups"/>), host groups (<see cref="HostGroups"/>) and hosts (<see cref="Hosts"/>), and two unified
/// <see cref="IUserGroupService"/> views: <see cref="AsHostGroupService"/> (members are hosts) and
/// <see cref="AsUserGroupService"/> (members are users). Immutable and thread-safe; create one per server and reuse it.
/// Owl answers HTTP 200 with the outcome in the body's <c>code</c>; any other code raises the matching
/// <see cref="UserGroupApiException"/>.
/// </summary>
public class OwlClient : IDisposable
{
    private readonly ApiConnection? _connection;
    private readonly IOwlUsersApi? _users;
    private readonly IOwlUserGroupsApi? _userGroups;
    private readonly IOwlHostGroupsApi? _hostGroups;
    private readonly IOwlHostsApi? _hosts;
    private readonly IUserGroupService? _hostGroupService;
    private readonly IUserGroupService? _userGroupService;

    /// <summary>Creates a client with its own connection pool.</summary>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public OwlClient(OwlClientOptions options)
        : this(options, httpClient: null)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/> (its handlers run inside the SDK's
    /// authentication). The caller keeps ownership of the <see cref="HttpClient"/>; its base address is ignored.
    /// </summary>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public OwlClient(OwlClientOptions options, HttpClient? httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var transport = HttpTransport.Create(httpClient);
        var login = new ApiConnection(new HttpMessageInvoker(transport, disposeHandler: false), ownsPipeline: false, options.BaseAddress!, OwlErrorMapper.Instance, options.TimeProvider, options.Timeout);
        var authentication = options.Credentials!.CreateHandler(new OwlAuthenticationContext(login, options.TimeProvider));
        authentication.InnerHandler = transport;
        _connection = new ApiConnection(new HttpMessageInvoker(authentication, disposeHandler: true), ownsPipeline: true, options.BaseAddress!, OwlErrorMapper.Instance, options.TimeProvider, options.Timeout);
        _users = new OwlUsersApi(_connection, options.DefaultPageSize);
        _userGroups = new OwlUserGroupsApi(_connection);
        _hostGroups = new OwlHostGroupsApi(_connection, options.DefaultPageSize);
        _hosts = new OwlHostsApi(_connection, options.DefaultPageSize);
        _hostGroupService = new OwlHostGroupService(_hostGroups);
        _userGroupService = new OwlUserGroupService(_userGroups);
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
    public virtual IUserGroupService AsHostGroupService() => _hostGroupService ?? throw NotConstructed();

    /// <summary>The unified <see cref="IUserGroupService"/> over user groups; member ids are user ids.</summary>
    public virtual IUserGroupService AsUserGroupService() => _userGroupService ?? throw NotConstructed();

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the connection pool (not a caller-supplied <see cref="HttpClient"/>).</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection?.Dispose();
        }
    }

    private static InvalidOperationException NotConstructed() =>
        new("This OwlClient was created by the mocking constructor; override the member you use.");
}
