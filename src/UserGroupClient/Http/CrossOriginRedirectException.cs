namespace UserGroupClient.Http;

/// <summary>
/// Raised by <see cref="SameOriginHandler"/> when a transport the SDK did not build (the caller's <see cref="HttpClient"/>,
/// or the handlers of a client registered with dependency injection) followed a redirect to another origin; the connection turns it into a <see cref="UserGroupApiException"/>. Its message names the other
/// origin (scheme, host and port only: the redirect's path and query may carry anything).
/// </summary>
internal sealed class CrossOriginRedirectException : Exception
{
    public CrossOriginRedirectException(Uri origin)
        : base($"the transport (the HttpClient given to the client, or the handlers configured for it) followed a redirect to another origin ({origin.GetLeftPart(UriPartial.Authority)}), whose answer was not read; the SDK follows no redirect: set BaseAddress to the address that answers, or use a handler with AllowAutoRedirect = false")
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
