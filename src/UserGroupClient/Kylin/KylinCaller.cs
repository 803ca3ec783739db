using System.Net;
using System.Text;

namespace UserGroupClient.Kylin;

/// <summary>
/// The user a client signs in as, which Kylin 5 and Kyligence Enterprise 4.x forbid to change its own memberships: read
/// once from the <c>Authorization: Basic …</c> header the client's credentials put on a request that is never sent
/// (so it holds whatever the credentials send, and nothing else of them is kept).
/// </summary>
internal sealed class KylinCaller
{
    private readonly Func<DelegatingHandler> _credentials;
    private readonly Lazy<Task<string?>> _userName;

    public KylinCaller(Func<DelegatingHandler> credentials)
    {
        _credentials = credentials;
        _userName = new Lazy<Task<string?>>(ReadAsync);
    }

    /// <summary>The Basic user name, or <see langword="null"/> when the credentials send no Basic header.</summary>
    public Task<string?> UserNameAsync() => _userName.Value;

    private async Task<string?> ReadAsync()
    {
        using var credentials = _credentials();
        credentials.InnerHandler = new Answer();
        using var entry = new KylinHandlerEntry(credentials);
        using var request = new HttpRequestMessage();
        using var response = await entry.SendThroughAsync(request, CancellationToken.None).ConfigureAwait(false);
        if (request.Headers.Authorization is not { Scheme: var scheme, Parameter: { } parameter }
            || !scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Basic credentials hold a user name that is not empty and has no ':' (KylinCredentials.Basic), then ':' and the password.
        return Encoding.UTF8.GetString(Convert.FromBase64String(parameter)).Split(':', 2)[0];
    }

    private sealed class Answer : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
    }
}
