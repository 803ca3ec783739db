using System.Text.Json.Serialization;

namespace UserGroupClient.Http;

/// <summary>
/// One dialect, described once: what its clients and their registrations are built from, by shared code
/// (<see cref="UserGroupApiClient"/>, <see cref="ClientPipeline"/> and the dependency-injection registration).
/// </summary>
internal abstract class Dialect
{
    /// <summary>The dialect's one error mapper; its name is the dialect's name in messages, logs and metrics.</summary>
    public abstract ApiErrorMapper Errors { get; }

    /// <summary>The contracts of the dialect's wire types: what a caller's Refit interface uses when it names no context of its own.</summary>
    public abstract JsonSerializerContext Json { get; }

    /// <summary>The dialect's name.</summary>
    public string Name => Errors.Dialect;

    /// <summary>Makes authentication handlers for <paramref name="options"/>, sharing one token cache; logins go through <paramref name="unauthenticated"/>.</summary>
    public abstract Func<DelegatingHandler> Authentication(UserGroupClientOptions options, ApiConnection unauthenticated);

    /// <summary>Where API paths are resolved, when the dialect adds a root to <see cref="UserGroupClientOptions.BaseAddress"/>.</summary>
    public virtual Uri? ApiBaseAddress(UserGroupClientOptions options) => null;

    /// <summary>The headers every call of the dialect carries (an organization, an environment, a media type), for a caller's own Refit interface.</summary>
    public virtual IEnumerable<KeyValuePair<string, string>> Headers(UserGroupClientOptions options) => [];

    /// <summary>Checks <paramref name="options"/> and builds a client's connections (<see cref="ClientPipeline.Build"/>).</summary>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public ClientPipeline.Connections Connect(UserGroupClientOptions options, HttpClient? httpClient, HttpMessageHandler? credentialTransport)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return ClientPipeline.Build(options, Name, httpClient, Errors, unauthenticated => Authentication(options, unauthenticated)(), ApiBaseAddress(options), credentialTransport);
    }
}
