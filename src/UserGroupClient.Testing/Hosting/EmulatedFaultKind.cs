namespace UserGroupClient.Testing.Hosting;

/// <summary>
/// What an <see cref="EmulatedFault"/> does to a request. Kinds that act before the emulator handles the request leave
/// its state untouched; <see cref="TruncatedBody"/>, <see cref="IncompleteBody"/> and <see cref="ResponseLost"/> let the
/// handler run (and change state) and then spoil its answer, as a failing proxy or network would.
/// </summary>
public enum EmulatedFaultKind
{
    /// <summary>A canned response: the status, body, headers and delay of the fault. The handler does not run.</summary>
    Response,

    /// <summary>429 Too Many Requests with a <c>Retry-After</c> header in whole seconds. The handler does not run.</summary>
    RateLimited,

    /// <summary>500 Internal Server Error with a short plain-text body. The handler does not run.</summary>
    InternalServerError,

    /// <summary>502 Bad Gateway with a short plain-text body. The handler does not run.</summary>
    BadGateway,

    /// <summary>503 Service Unavailable with a short plain-text body. The handler does not run.</summary>
    ServiceUnavailable,

    /// <summary>A gateway's HTML error page with status 502. The handler does not run.</summary>
    HtmlErrorPage,

    /// <summary>The connection is reset after the request arrived; no response is sent. The handler does not run.</summary>
    ConnectionReset,

    /// <summary>
    /// The server holds the request for the fault's <see cref="EmulatedFault.Delay"/> (longer than a client's attempt
    /// timeout), then answers 504. The wait ends as soon as the client gives up on the request. The handler does not run.
    /// </summary>
    Stall,

    /// <summary>
    /// The handler runs; its status and headers are sent with only the first half of its body, correctly framed,
    /// so a JSON answer arrives cut mid-way. An empty body stays empty.
    /// </summary>
    TruncatedBody,

    /// <summary>
    /// The handler runs; its status and full <c>Content-Length</c> are sent, then half the body, then the connection is
    /// closed, so the answer ends prematurely. An empty body is sent whole, since nothing can be cut from it.
    /// </summary>
    IncompleteBody,

    /// <summary>
    /// The handler runs and changes state as usual, then the connection is reset instead of answering: the client
    /// cannot tell whether its request took effect. This is the fault that create recovery has to survive.
    /// </summary>
    ResponseLost,
}
