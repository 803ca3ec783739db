using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using UserGroupClient.Http;

namespace UserGroupClient.MinApp;

/// <summary>What the typed APIs share: the connection, the <c>X-Hydrogen-Env-ID</c> header, paging and the create/update answers.</summary>
internal sealed class MinAppEndpoint
{
    private readonly string? _environmentId;

    public MinAppEndpoint(ApiConnection connection, string? environmentId, int defaultPageSize)
    {
        Connection = connection;
        _environmentId = environmentId;
        DefaultPageSize = defaultPageSize;
    }

    public ApiConnection Connection { get; }

    public int DefaultPageSize { get; }

    public ApiRequest Request(HttpMethod method, string relativeUri)
    {
        var request = new ApiRequest(method, relativeUri).WithHeader("Accept", "application/json");
        return _environmentId is null ? request : request.WithHeader("X-Hydrogen-Env-ID", _environmentId);
    }

    public Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        Connection.SendAsync(request, type, cancellationToken);

    public Task SendAsync(ApiRequest request, CancellationToken cancellationToken) => Connection.SendAsync(request, cancellationToken);

    /// <summary>Every item of a list from <paramref name="startOffset"/> on: by <c>next</c>, or by offset when the server sends none.</summary>
    public IAsyncEnumerable<T> AllAsync<T>(string basePath, Func<QueryString, QueryString> filter, int limit, int startOffset, JsonTypeInfo<MinAppPage<T>> type, CancellationToken cancellationToken)
    {
        string ByOffset(int offset) => basePath + filter(new QueryString().Add("limit", limit).Add("offset", offset));
        return MinAppPaging.AllAsync(
            Request(HttpMethod.Get, ByOffset(startOffset)),
            (request, ct) => Connection.SendAsync(request, type, ct),
            target => Request(HttpMethod.Get, target),
            ByOffset,
            Connection.BaseAddress,
            cancellationToken);
    }

    /// <summary>
    /// Sends a create or update whose answer may be the object, or only a <c>Location</c> (201), or empty (a PUT that
    /// answers 204): the object is then read with <paramref name="get"/>.
    /// </summary>
    public async Task<T> SendForObjectAsync<T>(ApiRequest request, JsonTypeInfo<T> type, long? knownId, Func<long, CancellationToken, Task<T>> get, CancellationToken cancellationToken)
        where T : class
    {
        var (value, location) = await Connection.SendAllowingEmptyAsync(request, type, null, cancellationToken).ConfigureAwait(false);
        if (value is not null)
        {
            return value;
        }

        if ((knownId ?? IdFromLocation(location)) is { } id)
        {
            return await get(id, cancellationToken).ConfigureAwait(false);
        }

        throw new UserGroupApiException("MinApp: the server answered the create with neither the new object nor a Location naming it.")
        {
            Dialect = Connection.Errors.Dialect,
            RequestMethod = request.Method.Method,
            RequestUri = new Uri(Connection.BaseAddress, request.RelativeUri),
        };
    }

    private static long? IdFromLocation(Uri? location)
    {
        var last = location?.AbsolutePath.TrimEnd('/').Split('/')[^1];
        return long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }
}
