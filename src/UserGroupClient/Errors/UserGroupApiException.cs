using System.Net;
using System.Text;
using UserGroupClient.Http;

namespace UserGroupClient;

/// <summary>
/// A request the server refused or answered in a way the SDK could not use. Carries what a caller needs to react:
/// the HTTP status, the vendor's error code, the request method and URI, and the response body (capped, secrets removed).
/// Subclasses exist only where callers react differently (not found, conflict, validation, authentication,
/// permission, rate limiting, group not empty, unsupported server).
/// </summary>
public class UserGroupApiException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public UserGroupApiException()
        : base("The user-group server request failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public UserGroupApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public UserGroupApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    private string? _dialect;
    private HttpStatusCode? _statusCode;
    private string? _errorCode;
    private string? _serverMessage;
    private string? _requestMethod;
    private Uri? _requestUri;
    private string? _responseBody;

    /// <summary>The dialect that raised it, e.g. "JumpServer".</summary>
    public string? Dialect { get => _dialect; init => _dialect = value; }

    /// <summary>The HTTP status code, when a response arrived.</summary>
    public HttpStatusCode? StatusCode { get => _statusCode; init => _statusCode = value; }

    /// <summary>The vendor's own error code (JumpServer <c>code</c>/<c>error</c>, Kylin/Owl envelope <c>code</c>, …).</summary>
    public string? ErrorCode { get => _errorCode; init => _errorCode = value; }

    /// <summary>The vendor's error message, as sent (secrets removed).</summary>
    public string? ServerMessage { get => _serverMessage; init => _serverMessage = value; }

    /// <summary>The request's HTTP method.</summary>
    public string? RequestMethod { get => _requestMethod; init => _requestMethod = value; }

    /// <summary>The request's URI.</summary>
    public Uri? RequestUri { get => _requestUri; init => _requestUri = value; }

    /// <summary>
    /// The start of the response body with secrets masked, then capped at 8 KiB; a JSON body in which a value was
    /// masked is shown written out again from the masked values.
    /// </summary>
    public string? ResponseBody { get => _responseBody; init => _responseBody = value; }

    /// <summary>The message as it was raised, without the request facts <see cref="Message"/> appends.</summary>
    internal string Reason => base.Message;

    /// <inheritdoc />
    public override string Message
    {
        get
        {
            var text = new StringBuilder(Reason);
            if (RequestMethod is not null && RequestUri is not null)
            {
                text.Append(" (").Append(RequestMethod).Append(' ').Append(RequestUri.GetLeftPart(UriPartial.Path));
                if (StatusCode is { } status)
                {
                    text.Append(" → ").Append((int)status);
                }

                if (ErrorCode is not null)
                {
                    text.Append(", code ").Append(ErrorCode);
                }

                text.Append(')');
            }

            return text.ToString();
        }
    }

    /// <summary>Records the request and response facts; the error mapper calls it on the exception it built.</summary>
    internal UserGroupApiException With(string dialect, ApiErrorResponse response, string? errorCode, string? serverMessage)
    {
        _dialect = dialect;
        _statusCode = response.StatusCode;
        _errorCode = errorCode;
        _serverMessage = serverMessage;
        _requestMethod = response.Method;
        _requestUri = response.RequestUri;
        _responseBody = response.Body;
        return this;
    }

    /// <summary>
    /// Gives <paramref name="exception"/>, raised in place of <paramref name="answer"/>, every fact of the request and
    /// response behind <paramref name="answer"/> (already masked), so that telling a caller more loses nothing of what
    /// the server said.
    /// </summary>
    internal static TException InPlaceOf<TException>(TException exception, UserGroupApiException? answer)
        where TException : UserGroupApiException
    {
        if (answer is not null)
        {
            exception._dialect = answer._dialect;
            exception._statusCode = answer._statusCode;
            exception._errorCode = answer._errorCode;
            exception._serverMessage = answer._serverMessage;
            exception._requestMethod = answer._requestMethod;
            exception._requestUri = answer._requestUri;
            exception._responseBody = answer._responseBody;
        }

        return exception;
    }

    /// <summary>
    /// Records the request facts of a call that got no usable response, and the body (masked) of a success whose
    /// content the SDK could not use.
    /// </summary>
    internal UserGroupApiException WithRequest(string dialect, string method, Uri requestUri, string? responseBody = null)
    {
        _dialect = dialect;
        _requestMethod = method;
        _requestUri = requestUri;
        _responseBody = responseBody;
        return this;
    }
}
