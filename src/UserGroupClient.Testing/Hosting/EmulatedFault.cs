namespace UserGroupClient.Testing.Hosting;

/// <summary>
/// A canned response that an emulator serves instead of handling a request, to test how a client copes with
/// failures such as throttling, a gateway error page or a slow server.
/// </summary>
/// <remarks>Queue it with <see cref="FaultInjector.Enqueue(EmulatedFault, int)"/>; each queued fault answers one matching request.</remarks>
public sealed class EmulatedFault
{
    /// <summary>Creates a fault that answers with <paramref name="statusCode"/> and an empty body.</summary>
    /// <param name="statusCode">The HTTP status code to answer with, 200 to 599.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is outside 200 to 599.</exception>
    public EmulatedFault(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status code to answer with.</summary>
    public int StatusCode { get; }

    /// <summary>The response body; empty by default.</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>The response <c>Content-Type</c>; <see langword="null"/> (the default) sends none.</summary>
    public string? ContentType { get; init; }

    /// <summary>Extra response headers, for example <c>Retry-After</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Only requests with this HTTP method (compared case-insensitively) match; <see langword="null"/> (the default) matches every method.</summary>
    public string? Method { get; init; }

    /// <summary>Only requests whose raw path starts with this text (compared ordinally) match; <see langword="null"/> (the default) matches every path.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>How long to wait, in real time, before answering; zero by default. Use it to exercise client timeouts.</summary>
    public TimeSpan Delay { get; init; }

    internal bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.Ordinal));
}
