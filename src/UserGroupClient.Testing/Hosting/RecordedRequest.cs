namespace UserGroupClient.Testing.Hosting;

/// <summary>One request an emulator received, and the status code it answered with.</summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(
        DateTimeOffset timestamp,
        string method,
        string pathAndQuery,
        IReadOnlyDictionary<string, string> headers,
        string body,
        int statusCode,
        EmulatedFault? fault = null)
    {
        Timestamp = timestamp;
        Method = method;
        PathAndQuery = pathAndQuery;
        Headers = headers;
        Body = body;
        StatusCode = statusCode;
        Fault = fault;
    }

    /// <summary>When the emulator received the request, read from the emulator's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The HTTP method exactly as sent, for example <c>GET</c>.</summary>
    public string Method { get; }

    /// <summary>The request target exactly as received on the wire: the still-escaped path and the raw query, for example <c>/api/v1/users/groups/?limit=10</c>.</summary>
    public string PathAndQuery { get; }

    /// <summary>The path part of <see cref="PathAndQuery"/>, without the query.</summary>
    public string Path => SplitTarget().Path;

    /// <summary>The raw query of <see cref="PathAndQuery"/> without the leading <c>?</c>; empty when there is none.</summary>
    public string Query => SplitTarget().Query;

    /// <summary>The request headers, looked up case-insensitively; a header sent several times has its values joined with commas.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The request body decoded as UTF-8; empty when the request had none.</summary>
    public string Body { get; }

    /// <summary>
    /// The HTTP status code the emulator answered with. When a fault ran the handler and then spoiled the answer, it is
    /// the handler's status; when the connection was reset before any answer, it is 0.
    /// </summary>
    public int StatusCode { get; }

    /// <summary>The fault this request got, or <see langword="null"/> when it was handled normally.</summary>
    public EmulatedFault? Fault { get; }

    /// <summary>Returns a header's value, or <see langword="null"/> when the request did not carry it.</summary>
    /// <param name="name">The header name, matched case-insensitively.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? GetHeader(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <inheritdoc />
    public override string ToString() => Fault is null ? $"{Method} {PathAndQuery} -> {StatusCode}" : $"{Method} {PathAndQuery} -> {StatusCode} ({Fault})";

    private (string Path, string Query) SplitTarget()
    {
        var question = PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return question < 0
            ? (PathAndQuery, string.Empty)
            : (PathAndQuery[..question], PathAndQuery[(question + 1)..]);
    }
}
