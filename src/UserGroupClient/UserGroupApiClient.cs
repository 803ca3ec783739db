using System.Text.Json.Serialization;
using UserGroupClient.Http;

namespace UserGroupClient;

/// <summary>
/// What every dialect's client shares: its connections (authentication, resilience, telemetry, logging, the response
/// size limit, the dialect's exceptions), your own endpoints through them (<see cref="CreateApi{TApi}"/>), and their
/// release. Immutable and thread-safe; create one per server and reuse it.
/// </summary>
public abstract class UserGroupApiClient : IDisposable
{
    private readonly ClientPipeline.Connections? _connections;
    private readonly UserGroupClientOptions? _options;
    private readonly Dialect? _dialect;

    /// <summary>Creates a client over connections already built for <paramref name="options"/>, which it owns from then on.</summary>
    private protected UserGroupApiClient(UserGroupClientOptions options, ClientPipeline.Connections connections, Dialect dialect)
    {
        _options = options;
        _connections = connections;
        _dialect = dialect;
    }

    /// <summary>For mocking: a subclass overrides the members it needs.</summary>
    protected UserGroupApiClient()
    {
    }

    /// <summary>The client's connections; a client made by the mocking constructor has none.</summary>
    private protected ClientPipeline.Connections Connections => _connections ?? throw NotConstructed();

    /// <summary>
    /// Your own Refit interface for other endpoints of the same server, sent through everything this client's calls go
    /// through: authentication (Access Key signatures included), the dialect's headers (JumpServer's
    /// <c>X-JMS-ORG</c>, MinApp's <c>X-Hydrogen-Env-ID</c>, the <c>Accept</c> of Kylin's configured flavor) unless a method sets its own,
    /// resilience, logging, telemetry, the response size limit and the SDK's exceptions. Declare <typeparamref name="TApi"/>
    /// with Refit's attributes and routes relative to <see cref="UserGroupClientOptions.BaseAddress"/>; Refit's source
    /// generator builds it (the SDK's package brings Refit in).
    /// </summary>
    /// <remarks>
    /// <para>What the SDK checks on every call of <typeparamref name="TApi"/>: a path or query value with a control
    /// character is refused, and so is a path that lost segments to a value <c>.</c> or <c>..</c> (or that gained one
    /// through an <c>[Encoded]</c> value holding <c>/</c>), before anything is sent (<see cref="ArgumentException"/>);
    /// a body larger than <see cref="UserGroupClientOptions.MaxResponseContentBytes"/>, cut short, not JSON or not of
    /// the declared shape raises <see cref="UserGroupApiException"/>; an error answer raises the dialect's exception.</para>
    /// <para>What your interface must check itself: header values (Refit strips CR and LF from a header value instead
    /// of refusing it), that an id names the resource you mean (Refit escapes <c>/</c> in a path value, which the
    /// server may decode), and whether a call creates something: a PUT that creates is resent by the retries unless
    /// it carries <c>[Property(UserGroupRequestProperties.CreatesResource)] bool creates = true</c>. A method returning
    /// <c>Task&lt;T&gt;</c> gets <see langword="null"/> for an empty body unless it carries
    /// <see cref="UserGroupRequestProperties.BodyRequired"/>. A body is read whole, within the size limit, before it is
    /// parsed; for a large page return <see cref="Stream"/> and mark the method with
    /// <see cref="UserGroupRequestProperties.StreamedResponse"/>. Owl (always) and Kylin (sometimes) report an error
    /// inside a success body's envelope (<c>code</c>): the SDK's own types raise it, yours receive it as data.</para>
    /// </remarks>
    /// <typeparam name="TApi">A Refit interface.</typeparam>
    /// <param name="jsonContext">The source-generated contracts of the interface's bodies; <see langword="null"/> for
    /// the dialect's own wire types only.</param>
    /// <exception cref="InvalidOperationException">The client was made by the mocking constructor.</exception>
    public virtual TApi CreateApi<TApi>(JsonSerializerContext? jsonContext = null)
        where TApi : class =>
        Connections.Api.Api<TApi>(jsonContext ?? _dialect!.Json, _dialect!.Headers(_options!));

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        // Stryker disable once Statement : no client type has a finalizer; the call is the dispose pattern's (CA1816)
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

    /// <summary>The error of a member used on a client made by the mocking constructor.</summary>
    private protected InvalidOperationException NotConstructed() =>
        new($"This {GetType().Name} was created by the mocking constructor; override the member you use.");
}
