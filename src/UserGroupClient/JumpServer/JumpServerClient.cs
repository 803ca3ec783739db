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
public class JumpServerClient : IDisposable
{
    private readonly ClientPipeline.Connections? _connections;
    private readonly IJumpServerUserGroupsApi? _userGroups;
    private readonly IUserGroupService? _service;

    /// <summary>Creates a client with its own connection pool.</summary>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public JumpServerClient(JumpServerClientOptions options)
        : this(options, httpClient: null)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/>; the SDK's resilience and authentication run
    /// around it. The caller keeps ownership of the <see cref="HttpClient"/>; its base address is ignored, and its
    /// <see cref="HttpClient.Timeout"/> should be infinite so that the SDK's own timeouts (<see cref="UserGroupClientOptions.Timeout"/>,
    /// <see cref="UserGroupClientOptions.Resilience"/>) govern.
    /// </summary>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public JumpServerClient(JumpServerClientOptions options, HttpClient? httpClient)
        : this(options, Build(options, httpClient))
    {
    }

    /// <summary>Creates a client over connections whose chain is already assembled (dependency injection builds it).</summary>
    internal JumpServerClient(JumpServerClientOptions options, ClientPipeline.Connections connections)
    {
        _connections = connections;
        var organizationId = options.OrganizationId is null ? JumpServerOrganizations.Default : JumpServerOrganizations.Validate(options.OrganizationId, nameof(options));
        _userGroups = new JumpServerUserGroupsApi(connections.Api, organizationId, options.DefaultPageSize, options.MaxPageSize);
        _service = new InstrumentedUserGroupService(
            new JumpServerUserGroupService(_userGroups, options.MaxPageSize, new CreateRecovery(options.Resilience, options.TimeProvider, connections.Api.Errors)));
    }

    /// <summary>For mocking: a subclass overrides the members it needs.</summary>
    protected JumpServerClient()
    {
    }

    /// <summary>The typed user-group endpoints, in the configured organization.</summary>
    public virtual IJumpServerUserGroupsApi UserGroups => _userGroups ?? throw NotConstructed();

    /// <summary>The unified <see cref="IUserGroupService"/> over this client.</summary>
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
            _connections?.Dispose();
        }
    }

    private static ClientPipeline.Connections Build(JumpServerClientOptions options, HttpClient? httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return ClientPipeline.Build(options, JumpServerErrorMapper.Instance.Dialect, httpClient, JumpServerErrorMapper.Instance, unauthenticated => options.CreateAuthenticationHandlers(unauthenticated)());
    }

    private static InvalidOperationException NotConstructed() =>
        new("This JumpServerClient was created by the mocking constructor; override the member you use.");
}
