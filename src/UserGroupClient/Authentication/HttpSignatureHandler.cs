using System.Buffers;
using System.Globalization;

namespace UserGroupClient.Authentication;

/// <summary>
/// Signs every attempt with a draft-cavage HTTP signature: sets <c>Date</c> from the clock, builds the signing string
/// over the configured headers (the method, path and query exactly as sent), and sends
/// <c>Authorization: Signature keyId="…",algorithm="…",headers="…",signature="…"</c>.
/// Because it sits inside the retry handler, each retry is dated and signed afresh. The body is not signed (see
/// <see cref="HttpSignatureOptions.Headers"/>).
/// </summary>
public sealed class HttpSignatureHandler : DelegatingHandler
{
    // Room on the stack for a typical signing string, and for any signature up to RSA-4096.
    private const int StackBytes = 512;

    private readonly HttpSignatureOptions _options;
    private readonly string[] _headers;
    private readonly string _authorizationPrefix;
    private DateText? _date;

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
        _headers = [.. options.Headers];
        _authorizationPrefix = "Signature " + DraftCavageSignature.FormatParametersPrefix(options.KeyId, options.Signer.Algorithm, _headers);
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Whole seconds: the header carries no fractions, and the signed value must be the sent value. The text is
        // kept for the second it names, and goes on the request as is, so that signing reads back the sent bytes.
        var seconds = _options.TimeProvider.GetUtcNow().UtcTicks / TimeSpan.TicksPerSecond;
        var date = _date;
        if (date is null || date.Seconds != seconds)
        {
            date = new DateText(seconds, new DateTimeOffset(seconds * TimeSpan.TicksPerSecond, TimeSpan.Zero).ToString("r", CultureInfo.InvariantCulture));
            _date = date;
        }

        request.Headers.Remove("Date");
        request.Headers.TryAddWithoutValidation("Date", date.Text);
        Sign(request);
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Signs the request over its headers as they are, <c>Date</c> included.</summary>
    internal void Sign(HttpRequestMessage request)
    {
        // The signing string, the signature and its Base64 form live on the stack (or in pooled arrays when large);
        // the one string made is the header value itself.
        byte[]? rented = null;
        Span<byte> signingString = stackalloc byte[StackBytes];
        int length;
        while (!DraftCavageSignature.TryWriteSigningString(request, _headers, signingString, out length))
        {
            var larger = ArrayPool<byte>.Shared.Rent(signingString.Length * 2);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }

            rented = larger;
            signingString = larger;
        }

        try
        {
            Span<byte> signature = stackalloc byte[StackBytes];
            if (!_options.Signer.TrySign(signingString[..length], signature, out var signatureLength))
            {
                signature = _options.Signer.Sign(signingString[..length]);
                signatureLength = signature.Length;
            }

            Span<char> base64 = stackalloc char[((StackBytes + 2) / 3 * 4) + 1];
            if (!Convert.TryToBase64Chars(signature[..signatureLength], base64, out var base64Length))
            {
                base64 = Convert.ToBase64String(signature[..signatureLength]).ToCharArray();
                base64Length = base64.Length;
            }

            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", string.Concat(_authorizationPrefix, base64[..base64Length], "\""));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private sealed record DateText(long Seconds, string Text);
}
