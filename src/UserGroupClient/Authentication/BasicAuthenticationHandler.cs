using System.Net.Http.Headers;
using System.Text;

namespace UserGroupClient.Authentication;

/// <summary>Puts <c>Authorization: Basic base64(user:password)</c> (UTF-8) on every attempt.</summary>
public sealed class BasicAuthenticationHandler : DelegatingHandler
{
    private readonly AuthenticationHeaderValue _header;

    /// <summary>Creates the handler.</summary>
    /// <exception cref="ArgumentException">The user name is empty or holds a colon, which Basic cannot carry.</exception>
    public BasicAuthenticationHandler(string userName, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (userName.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A Basic user name cannot contain ':'.", nameof(userName));
        }

        _header = new AuthenticationHeaderValue("Basic", Encode(userName, password));
    }

    /// <summary>The credential of the header: <c>base64(user:password)</c>, UTF-8.</summary>
    internal static string Encode(string userName, string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password));

    /// <summary>Refuses a synchronous send, which would otherwise pass this handler by.</summary>
    /// <exception cref="NotSupportedException">Always: use <see cref="HttpClient.SendAsync(HttpRequestMessage)"/>.</exception>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw SynchronousSend.Refused(this);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _header;
        return base.SendAsync(request, cancellationToken);
    }
}
