using System.Net;

namespace UserGroupClient.Http;

/// <summary>
/// The transport a client creates for itself: for every call when the caller gives no <see cref="HttpClient"/>, and for
/// its credential exchanges when the caller does.
/// </summary>
internal static class HttpTransport
{
    /// <summary>
    /// A pooled <see cref="SocketsHttpHandler"/> that recycles connections (so DNS changes are seen), follows no
    /// redirects (a redirect would drop or invalidate the credentials, or carry a login body to another server, so it
    /// must surface as an error) and keeps no cookies (a server session cookie must not stand in for the configured
    /// credentials). It uses the system's proxy settings and certificate validation. Compressed answers are asked for
    /// and decoded by the SDK's attempt handlers (<see cref="ContentDecoding"/>), not here.
    /// </summary>
    public static HttpMessageHandler CreateDefault() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };
}
