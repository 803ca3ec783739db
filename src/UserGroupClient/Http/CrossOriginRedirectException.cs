namespace UserGroupClient.Http;

/// <summary>
/// Raised by <see cref="HttpClientTransportHandler"/> when the caller's <see cref="HttpClient"/> followed a redirect to
/// another origin; the connection turns it into a <see cref="UserGroupApiException"/>. Its message names the other
/// origin (scheme, host and port only: the redirect's path and query may carry anything).
/// </summary>
internal sealed class CrossOriginRedirectException : Exception
{
    public CrossOriginRedirectException(Uri origin)
        : base($"the HttpClient given to the client followed a redirect to another origin ({origin.GetLeftPart(UriPartial.Authority)}), whose answer was not read; the SDK follows no redirect: set BaseAddress to the address that answers, or give an HttpClient whose handler has AllowAutoRedirect = false")
    {
    }

    public CrossOriginRedirectException()
    {
    }

    public CrossOriginRedirectException(string message)
        : base(message)
    {
    }

    public CrossOriginRedirectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
