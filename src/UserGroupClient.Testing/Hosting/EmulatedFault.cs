using System.Globalization;

namespace UserGroupClient.Testing.Hosting;

/// <summary>
/// A failure that an emulator serves instead of (or on top of) handling a request, to test how a client copes with
/// throttling, gateway errors, slow servers, broken connections and spoiled answers.
/// </summary>
/// <remarks>
/// Queue it with <see cref="FaultInjector.Enqueue(EmulatedFault, int)"/>; each queued fault answers one matching request.
/// The constructor makes a canned <see cref="EmulatedFaultKind.Response"/>; <see cref="Create"/> makes any other kind.
/// </remarks>
public sealed class EmulatedFault
{
    private const string HtmlPage =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    /// <summary>Creates a fault that answers with <paramref name="statusCode"/> and an empty body.</summary>
    /// <param name="statusCode">The HTTP status code to answer with, 200 to 599.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is outside 200 to 599.</exception>
    public EmulatedFault(int statusCode)
        : this(EmulatedFaultKind.Response, statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
    }

    private EmulatedFault(EmulatedFaultKind kind, int statusCode)
    {
        Kind = kind;
        StatusCode = statusCode;
    }

    /// <summary>What the fault does; <see cref="EmulatedFaultKind.Response"/> for a fault made with the constructor.</summary>
    public EmulatedFaultKind Kind { get; }

    /// <summary>
    /// The HTTP status code the fault answers with; 0 for the kinds whose status comes from the handler or that send
    /// no response (<see cref="EmulatedFaultKind.ConnectionReset"/>, the kinds that run the handler).
    /// </summary>
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

    /// <summary>
    /// How long to wait, in real time, before answering; zero by default. For <see cref="EmulatedFaultKind.Stall"/> it
    /// is how long the request is held. The wait ends early when the client aborts the request.
    /// </summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Whether the emulator's handler runs (and may change state) before the fault spoils its answer.</summary>
    public bool RunsHandler => Kind is EmulatedFaultKind.TruncatedBody or EmulatedFaultKind.IncompleteBody or EmulatedFaultKind.ResponseLost;

    /// <summary>Creates a fault of <paramref name="kind"/> with the usual status, headers and body for it.</summary>
    /// <param name="kind">What the fault does; <see cref="EmulatedFaultKind.Response"/> is made with the constructor instead.</param>
    /// <param name="retryAfter">For <see cref="EmulatedFaultKind.RateLimited"/>: the <c>Retry-After</c>, rounded up to whole seconds; 1 second when omitted.</param>
    /// <param name="stallDuration">For <see cref="EmulatedFaultKind.Stall"/>: how long the request is held; 30 seconds when omitted.</param>
    /// <param name="method">Only requests with this HTTP method match; <see langword="null"/> matches every method.</param>
    /// <param name="pathPrefix">Only requests whose raw path starts with this text match; <see langword="null"/> matches every path.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="EmulatedFaultKind.Response"/> or not defined.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retryAfter"/> is negative or <paramref name="stallDuration"/> is not positive.</exception>
    public static EmulatedFault Create(
        EmulatedFaultKind kind,
        TimeSpan? retryAfter = null,
        TimeSpan? stallDuration = null,
        string? method = null,
        string? pathPrefix = null)
    {
        if (retryAfter is { } wait)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(retryAfter));
        }

        if (stallDuration is { } stall)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(stall, TimeSpan.Zero, nameof(stallDuration));
        }

        return kind switch
        {
            EmulatedFaultKind.RateLimited => new EmulatedFault(kind, 429)
            {
                Body = "Too Many Requests",
                ContentType = "text/plain; charset=utf-8",
                Headers = new Dictionary<string, string>
                {
                    ["Retry-After"] = Math.Ceiling((retryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds).ToString(CultureInfo.InvariantCulture),
                },
                Method = method,
                PathPrefix = pathPrefix,
            },
            EmulatedFaultKind.InternalServerError => PlainText(kind, 500, "Internal Server Error", method, pathPrefix),
            EmulatedFaultKind.BadGateway => PlainText(kind, 502, "Bad Gateway", method, pathPrefix),
            EmulatedFaultKind.ServiceUnavailable => PlainText(kind, 503, "Service Unavailable", method, pathPrefix),
            EmulatedFaultKind.HtmlErrorPage => new EmulatedFault(kind, 502)
            {
                Body = HtmlPage,
                ContentType = "text/html",
                Method = method,
                PathPrefix = pathPrefix,
            },
            EmulatedFaultKind.Stall => new EmulatedFault(kind, 504)
            {
                Body = "Gateway Timeout",
                ContentType = "text/plain; charset=utf-8",
                Delay = stallDuration ?? TimeSpan.FromSeconds(30),
                Method = method,
                PathPrefix = pathPrefix,
            },
            EmulatedFaultKind.ConnectionReset or EmulatedFaultKind.TruncatedBody or EmulatedFaultKind.IncompleteBody or EmulatedFaultKind.ResponseLost =>
                new EmulatedFault(kind, 0) { Method = method, PathPrefix = pathPrefix },
            _ => throw new ArgumentException($"{kind} is not a fault kind that Create makes; use the constructor for a canned response.", nameof(kind)),
        };
    }

    /// <inheritdoc />
    public override string ToString() => StatusCode == 0 ? Kind.ToString() : string.Create(CultureInfo.InvariantCulture, $"{Kind} {StatusCode}");

    internal bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.Ordinal));

    private static EmulatedFault PlainText(EmulatedFaultKind kind, int status, string text, string? method, string? pathPrefix) =>
        new(kind, status) { Body = text, ContentType = "text/plain; charset=utf-8", Method = method, PathPrefix = pathPrefix };
}
