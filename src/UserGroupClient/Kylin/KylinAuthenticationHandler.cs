using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>
/// Kylin's place in the authentication slot of the handler chain: every request goes through the credentials' own
/// handler, except one marked <see cref="Anonymous"/> (the flavor probe), which goes out without credentials, so that
/// it never counts against an account's lock (three wrong passwords lock it on KAP, Kylin 5 and Kyligence Enterprise
/// 4.x) and every flavor answers it the same whoever asks.
/// </summary>
internal sealed class KylinAuthenticationHandler : DelegatingHandler
{
    /// <summary>The request option that sends a request without credentials.</summary>
    public const string Anonymous = "UserGroupClient.Kylin.Anonymous";

    private static readonly HttpRequestOptionsKey<bool> AnonymousKey = new(Anonymous);

    private readonly KylinHandlerEntry _authenticated;

    /// <summary>Wraps <paramref name="credentials"/>, which this handler owns from then on.</summary>
    public KylinAuthenticationHandler(DelegatingHandler credentials)
    {
        // The credentials' handler sends on through this one's inner handler, which the pipeline sets later.
        credentials.InnerHandler = new Onward(this);
        _authenticated = new KylinHandlerEntry(credentials);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        ApiRequestOptions.Has(request, AnonymousKey)
            ? base.SendAsync(request, cancellationToken)
            : _authenticated.SendThroughAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _authenticated.Dispose();
        }

        base.Dispose(disposing);
    }

    private Task<HttpResponseMessage> SendOnwardAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private sealed class Onward(KylinAuthenticationHandler owner) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            owner.SendOnwardAsync(request, cancellationToken);
    }
}
