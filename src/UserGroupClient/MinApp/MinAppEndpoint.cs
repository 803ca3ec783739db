using System.Globalization;
using System.Net;
using System.Text.Json.Serialization.Metadata;
using Refit;
using UserGroupClient.Http;

namespace UserGroupClient.MinApp;

/// <summary>What the typed APIs share: the Refit endpoints, the <c>X-Hydrogen-Env-ID</c> value, paging and the create/update answers.</summary>
internal sealed class MinAppEndpoint
{
    public MinAppEndpoint(ApiConnection connection, IMinAppEndpoints endpoints, string? environmentId, int defaultPageSize)
    {
        Connection = connection;
        Endpoints = endpoints;
        EnvironmentId = environmentId;
        DefaultPageSize = defaultPageSize;
    }

    public ApiConnection Connection { get; }

    public IMinAppEndpoints Endpoints { get; }

    /// <summary>The <c>X-Hydrogen-Env-ID</c> of every oserve call; <see langword="null"/> sends none.</summary>
    public string? EnvironmentId { get; }

    public int DefaultPageSize { get; }

    /// <summary>Asks for a page with a list method, which streams it, and parses it (<see cref="ApiConnection.ReadAsync"/>).</summary>
    public Task<MinAppPage<T>> PageAsync<T>(Func<CancellationToken, Task<Stream>> fetch, JsonTypeInfo<MinAppPage<T>> type, CancellationToken cancellationToken) =>
        Connection.ReadAsync(fetch, type, cancellationToken);

    /// <summary>Every item of a list from <paramref name="startOffset"/> on: by <c>next</c>, or by offset (<paramref name="byOffset"/>) when the server sends none.</summary>
    public IAsyncEnumerable<T> AllAsync<T>(Func<int, CancellationToken, Task<Stream>> byOffset, int startOffset, JsonTypeInfo<MinAppPage<T>> type, CancellationToken cancellationToken) =>
        MinAppPaging.AllAsync(
            startOffset,
            (offset, ct) => PageAsync(c => byOffset(offset, c), type, ct),
            (link, ct) => PageAsync(c => Endpoints.NextPageAsync(new Uri(Connection.BaseAddress, link).AbsoluteUri, EnvironmentId, c), type, ct),
            Connection.BaseAddress,
            cancellationToken);

    /// <summary>
    /// The object a create or update answered with, or, when the answer was empty (a 201 with only a <c>Location</c>,
    /// a PUT answered 204), the object read with <paramref name="get"/> by <paramref name="knownId"/> or the id the
    /// <c>Location</c> names.
    /// </summary>
    /// <remarks>
    /// The methods return an <see cref="ApiResponse{T}"/> for the <c>Location</c>, and Refit raises nothing for one:
    /// it keeps only exceptions of its own type, so the SDK's exception for a failed or unreadable answer, which the
    /// call handler and the exception factories made, is taken from the request (<see cref="CallHandler.FailureOf"/>).
    /// </remarks>
    public async Task<T> ObjectAsync<T>(Task<ApiResponse<T>> call, long? knownId, Func<long, CancellationToken, Task<T>> get, CancellationToken cancellationToken)
        where T : class
    {
        Uri? location;
        HttpRequestMessage? request;
        HttpStatusCode? status;
        using (var response = await call.ConfigureAwait(false))
        {
            request = response.RequestMessage;
            status = response.StatusCode;
            if (CallHandler.FailureOf(request) is { } failure)
            {
                throw failure;
            }

            if (response.Content is { } value)
            {
                return value;
            }

            var header = response.Headers?.Location;
            location = header is { IsAbsoluteUri: false } && request?.RequestUri is { } sent ? new Uri(sent, header) : header;
        }

        if ((knownId ?? IdFromLocation(location)) is { } id)
        {
            return await get(id, cancellationToken).ConfigureAwait(false);
        }

        throw new UserGroupApiException("MinApp: the server answered the create with neither the new object nor a Location naming it.")
        {
            Dialect = Connection.Errors.Dialect,
            StatusCode = status,
            RequestMethod = request?.Method.Method,
            RequestUri = request?.RequestUri,
        };
    }

    private static long? IdFromLocation(Uri? location)
    {
        var last = location is { IsAbsoluteUri: true } ? location.AbsolutePath.TrimEnd('/').Split('/')[^1] : null;
        return long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }
}
