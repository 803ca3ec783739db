using System.Net.Http.Headers;
using System.Text;

namespace UserGroupClient.Authentication;

/// <summary>
/// Signs every attempt with a draft-cavage HTTP signature: sets <c>Date</c> from the clock, builds the signing string
/// over the configured headers (the method, path and query exactly as sent), and sends
/// <c>Authorization: Signature keyId="…",algorithm="…",headers="…",signature="…"</c>.
/// Because it sits inside the retry handler, each retry is dated and signed afresh.
/// </summary>
public sealed class HttpSignatureHandler : DelegatingHandler
{
    private readonly HttpSignatureOptions _options;

    /// <summary>Creates the handler.</summary>
    /// <exception cref="ArgumentException">The key id is empty, or the header list is empty or holds blank, upper-case or repeated names.</exception>
    public HttpSignatureHandler(HttpSignatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.KeyId, nameof(options));
        ArgumentNullException.ThrowIfNull(options.Signer, nameof(options));
        if (options.Headers is null || options.Headers.Count == 0)
        {
            throw new ArgumentException("At least one header must be signed.", nameof(options));
        }

        foreach (var header in options.Headers)
        {
            if (string.IsNullOrWhiteSpace(header) || header.Any(c => char.IsWhiteSpace(c) || char.IsUpper(c)))
            {
                throw new ArgumentException($"Signed header names must be lower-case single tokens; '{header}' is not.", nameof(options));
            }
        }

        if (options.Headers.Distinct(StringComparer.Ordinal).Count() != options.Headers.Count)
        {
            throw new ArgumentException("A signed header is listed twice.", nameof(options));
        }

        _options = options;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Whole seconds: the header carries no fractions, and the signed value must be the sent value.
        var now = _options.TimeProvider.GetUtcNow();
        request.Headers.Date = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        Sign(request);
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Signs the request over its headers as they are, <c>Date</c> included.</summary>
    internal void Sign(HttpRequestMessage request)
    {
        var signingString = DraftCavageSignature.BuildSigningString(request, _options.Headers);
        var signature = Convert.ToBase64String(_options.Signer.Sign(Encoding.ASCII.GetBytes(signingString)));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Signature",
            DraftCavageSignature.FormatParameters(_options.KeyId, _options.Signer.Algorithm, _options.Headers, signature));
    }
}
