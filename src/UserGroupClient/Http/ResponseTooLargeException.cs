namespace UserGroupClient.Http;

/// <summary>Raised inside the transport when a body passes the size limit; the connection turns it into a <see cref="UserGroupApiException"/>.</summary>
internal sealed class ResponseTooLargeException : IOException
{
    public ResponseTooLargeException(long limit)
        : base($"the response body is larger than the {limit}-byte limit (UserGroupClientOptions.MaxResponseContentBytes)")
    {
        Limit = limit;
    }

    public ResponseTooLargeException()
    {
    }

    public ResponseTooLargeException(string message)
        : base(message)
    {
    }

    public ResponseTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long Limit { get; }
}
