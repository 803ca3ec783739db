using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>
/// The Kylin client (KAP / Kyligence Enterprise 3.x, the v2 <c>user_group</c> API): the typed API
/// (<see cref="UserGroups"/>) and the unified <see cref="IUserGroupService"/> (<see cref="AsUserGroupService"/>).
/// Immutable and thread-safe; create one per server and reuse it. Every request carries HTTP Basic credentials,
/// <c>Accept: application/vnd.apache.kylin-v2+json</c> and <c>Accept-Language: en</c>.
/// </summary>
public class KylinClient : IDisposable
{
    private readonly ApiConnection? _connection;
    private readonly IKylinUserGroupsApi? _userGroups;
    private readonly IUserGroupService? _service;

    /// <summary>Creates a client with its own connection pool.</summary>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public KylinClient(KylinClientOptions options)
        : this(options, httpClient: null)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/> (its handlers run inside the SDK's
    /// authentication). The caller keeps ownership of the <see cref="HttpClient"/>; its base address is ignored.
    /// </summary>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public KylinClient(KylinClientOptions options, HttpClient? httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var authentication = options.Credentials!.CreateHandler();
        authentication.InnerHandler = HttpTransport.Create(httpClient);
        _connection = new ApiConnection(new HttpMessageInvoker(authentication, disposeHandler: true), ownsPipeline: true, options.ApiBaseAddress, KylinErrorMapper.Instance, options.TimeProvider, options.Timeout);
        _userGroups = new KylinUserGroupsApi(_connection, options.Project ?? string.Empty, options.DefaultPageSize);
        _service = new KylinUserGroupService(_userGroups);
    }

    /// <summary>For mocking: a subclass overrides the members it needs.</summary>
    protected KylinClient()
    {
    }

    /// <summary>The typed <c>user_group</c> endpoints.</summary>
    public virtual IKylinUserGroupsApi UserGroups => _userGroups ?? throw NotConstructed();

    /// <summary>The unified <see cref="IUserGroupService"/> over this client; a group's id is its name.</summary>
    public virtual IUserGroupService AsUserGroupService() => _service ?? throw NotConstructed();

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
        new("This KylinClient was created by the mocking constructor; override the member you use.");
}
