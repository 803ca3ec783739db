using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace UserGroupClient.Authentication;

/// <summary>
/// Signs every attempt with a draft-cavage-12 HTTP signature: sets <c>Date</c> from the clock, builds the signing string
/// over the configured headers (the method, path and query exactly as sent), and sends
/// <c>Authorization: Signature keyId="…",algorithm="…",[created=…,expires=…,]headers="…",signature="…"</c>. Any
/// <see cref="HttpMessageSigner"/> signs, the same signers as RFC 9421's <see cref="HttpMessageSignatureHandler"/>:
/// <c>hmac-sha256</c> as JumpServer Access Keys do, or <c>hs2019</c> with Ed25519 and the others.
/// Because it sits inside the retry handler, each retry is dated and signed afresh. The body is not signed (see
/// <see cref="HttpSignatureOptions.Headers"/>).
/// </summary>
public sealed class HttpSignatureHandler : DelegatingHandler
{
    // Room on the stack for a typical signing string, and for any signature up to RSA-4096.
    private const int StackBytes = 512;
    private const int Base64StackChars = (StackBytes + 2) / 3 * 4;
    // How long before a second ends its text is checked against the wall clock again: more than the runtime tick's
    // coarseness (4 ms on Linux, up to 16 ms on Windows) and the drift between the two clocks within a second.
    private const long TickMargin = 20;
    private static readonly long UnixEpochSeconds = DateTimeOffset.UnixEpoch.UtcTicks / TimeSpan.TicksPerSecond;

    private readonly HttpSignatureOptions _options;
    private readonly HttpMessageSigner _signer;
    private readonly string[] _headers;
    private readonly byte[][] _lineStarts;
    private readonly string _algorithm;
    private readonly string _authorizationPrefix;
    private readonly bool _timestamped;
    private readonly long _expiresAfter;
    private SecondText? _date;
    private SecondText? _prefix;

    /// <summary>Creates the handler.</summary>
    /// <exception cref="ArgumentException">
    /// The key id is empty; the header list is empty or holds blank, non-ASCII, upper-case or repeated names; <c>(created)</c>,
    /// <c>(expires)</c> or <see cref="HttpSignatureOptions.Expires"/> come with an algorithm other than <c>hs2019</c>
    /// (draft-cavage-12 §2.3 makes that an error); <c>(expires)</c> is listed without <see cref="HttpSignatureOptions.Expires"/>,
    /// or that is under a second.
    /// </exception>
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
            if (string.IsNullOrWhiteSpace(header) || !Ascii.IsValid(header) || header.Any(c => char.IsWhiteSpace(c) || char.IsUpper(c)))
            {
                throw new ArgumentException($"Signed header names must be lower-case ASCII single tokens; '{header}' is not.", nameof(options));
            }
        }

        if (options.Headers.Distinct(StringComparer.Ordinal).Count() != options.Headers.Count)
        {
            throw new ArgumentException("A signed header is listed twice.", nameof(options));
        }

        _algorithm = DraftCavageSignature.AlgorithmOf(options.Signer);
        var created = options.Headers.Contains(DraftCavageSignature.Created);
        var expires = options.Headers.Contains(DraftCavageSignature.Expires);
        if ((created || expires || options.Expires is not null) && _algorithm != DraftCavageSignature.Hs2019)
        {
            throw new ArgumentException($"(created), (expires) and an expiry go with algorithm hs2019 only; this signer's is {_algorithm}.", nameof(options));
        }

        if (expires && options.Expires is null)
        {
            throw new ArgumentException("(expires) is listed but HttpSignatureOptions.Expires is not set.", nameof(options));
        }

        if (options.Expires is { } lifetime && lifetime < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException("HttpSignatureOptions.Expires must be at least one second.", nameof(options));
        }

        _options = options;
        _signer = options.Signer;
        _headers = [.. options.Headers];
        _lineStarts = DraftCavageSignature.LineStarts(_headers);
        _timestamped = created || options.Expires is not null;
        _expiresAfter = options.Expires is { } after ? (long)after.TotalSeconds : 0;
        _authorizationPrefix = "Signature " + DraftCavageSignature.FormatParametersPrefix(options.KeyId, _algorithm, _headers);
    }

    /// <summary>Refuses a synchronous send, which would otherwise pass this handler by.</summary>
    /// <exception cref="NotSupportedException">Always: use <see cref="HttpClient.SendAsync(HttpRequestMessage)"/>.</exception>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw SynchronousSend.Refused(this);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var date = CurrentDate();
        // The typed property removes by the header's descriptor, without parsing its name as Remove("Date") does.
        request.Headers.Date = null;
        request.Headers.TryAddWithoutValidation("Date", date.Text);
        Sign(request, date.Seconds, date.Text);
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Signs the request over its headers as they are, <c>Date</c> included, at the clock's time.</summary>
    internal void Sign(HttpRequestMessage request) => Sign(request, _options.TimeProvider.GetUtcNow().UtcTicks / TimeSpan.TicksPerSecond, sentDate: null);

    // seconds: whole seconds since 0001-01-01, the unit the Date cache keys on. sentDate: the Date value just set on the
    // request, signed without reading it back (null: read from the request).
    private void Sign(HttpRequestMessage request, long seconds, string? sentDate)
    {
        long created = 0, expires = 0;
        var prefix = _authorizationPrefix;
        if (_timestamped)
        {
            created = seconds - UnixEpochSeconds;
            expires = _expiresAfter > 0 ? created + _expiresAfter : 0;
            prefix = Prefix(seconds, created, expires);
        }

        // The signing string, the signature and its Base64 form live on the stack (or in pooled arrays when large);
        // the one string made is the header value itself.
        byte[]? rented = null;
        byte[]? rentedSignature = null;
        char[]? rentedBase64 = null;
        Span<byte> signingString = stackalloc byte[StackBytes];
        int length;
        while (!DraftCavageSignature.TryWriteSigningString(request, _headers, _lineStarts, created, expires, sentDate, signingString, out length))
        {
            var larger = ArrayPool<byte>.Shared.Rent(signingString.Length * 2);
            if (rented is not null)
            // Stryker disable once Block : returning the outgrown buffer to the pool only recycles memory; the signing string is written again into the larger one
            {
                // Stryker disable once Statement : returning the outgrown buffer to the pool only recycles memory; the signing string is written again into the larger one
                ArrayPool<byte>.Shared.Return(rented);
            }

            rented = larger;
            signingString = larger;
        }

        try
        {
            // Sized to the signer (32 bytes for HMAC): the runtime clears every byte put on the stack.
            var maxSize = _signer.MaxSignatureSize;
            // Stryker disable once Conditional,Equality : the stack and a pooled array receive the same signature bytes; only where they live changes
            Span<byte> signature = maxSize <= StackBytes ? stackalloc byte[maxSize] : rentedSignature = ArrayPool<byte>.Shared.Rent(maxSize);
            if (!_signer.TrySign(signingString[..length], signature, out var signatureLength))
            {
                throw new InvalidOperationException($"The {_signer.Algorithm} signer wrote no signature into {signature.Length} bytes, though it declares at most {maxSize}.");
            }

            // As many chars as Base64 has UTF-8 bytes.
            var base64Size = Base64.GetMaxEncodedToUtf8Length(signatureLength);
            // Stryker disable once Conditional,Equality : the stack and a pooled array receive the same Base64 text; only where it lives changes
            Span<char> base64 = base64Size <= Base64StackChars ? stackalloc char[base64Size] : rentedBase64 = ArrayPool<char>.Shared.Rent(base64Size);
            Convert.TryToBase64Chars(signature[..signatureLength], base64, out var base64Length);
            request.Headers.Authorization = null;
            request.Headers.TryAddWithoutValidation("Authorization", string.Concat(prefix, base64[..base64Length], "\""));
        }
        finally
        {
            if (rented is not null)
            // Stryker disable once Block : returning the buffer to the pool only recycles memory; the header is already set
            {
                // Stryker disable once Statement : returning the buffer to the pool only recycles memory; the header is already set
                ArrayPool<byte>.Shared.Return(rented);
            }

            if (rentedSignature is not null)
            // Stryker disable once Block : neither a caller nor a server can see whether the pooled copy is returned or cleared
            {
                // Stryker disable once Statement,Boolean : neither a caller nor a server can see whether the pooled copy is returned or cleared; it is cleared so that no signature lingers in pooled memory
                ArrayPool<byte>.Shared.Return(rentedSignature, clearArray: true);
            }

            if (rentedBase64 is not null)
            // Stryker disable once Block : returning the buffer to the pool only recycles memory; the header is already set
            {
                // Stryker disable once Statement : returning the buffer to the pool only recycles memory; the header is already set
                ArrayPool<char>.Shared.Return(rentedBase64);
            }
        }
    }

    // Whole seconds: the header carries no fractions, and the signed value must be the sent value. The text is kept for
    // the second it names, and goes on the request as is, so that signing reads back the sent bytes. Under the system
    // clock the second is known without reading the wall clock until shortly before it ends, by the runtime's
    // millisecond tick: a wall-clock reading costs a tenth of the whole signature on some virtual machines.
    private SecondText CurrentDate()
    {
        var date = _date;
        // Stryker disable once Equality : < and <= differ only at the tick itself, which lies TickMargin before the second ends, so both keep the same text; > (the kept text after its end) is caught by the tests, which stay
        if (date is not null && Environment.TickCount64 < date.ValidUntilTick)
        // Stryker disable once Block : without the shortcut the clock is read and the same second yields the same kept text
        {
            return date;
        }

        var now = _options.TimeProvider.GetUtcNow().UtcTicks;
        var seconds = now / TimeSpan.TicksPerSecond;
        if (date is null || date.Seconds != seconds)
        {
            // Under the system clock, the tick from which the second may have ended; when under TickMargin is left, that
            // tick has passed already, so the next request reads the wall clock again.
            var validUntil = long.MinValue;
            if (_options.TimeProvider == TimeProvider.System)
            // Stryker disable once Block : without a valid-until tick the wall clock is read on every request, and each reading of the same second yields the same kept text
            {
                var left = (TimeSpan.TicksPerSecond - (now % TimeSpan.TicksPerSecond)) / TimeSpan.TicksPerMillisecond;
                // Stryker disable once Arithmetic : a tick before the current one only ends the shortcut at once, and the wall clock is read on every request
                var secondEnds = Environment.TickCount64 + left;
                validUntil = secondEnds - TickMargin;
            }

            date = new SecondText(seconds, new DateTimeOffset(seconds * TimeSpan.TicksPerSecond, TimeSpan.Zero).ToString("r", CultureInfo.InvariantCulture), validUntil);
            _date = date;
        }

        return date;
    }

    private string Prefix(long seconds, long created, long expires)
    {
        var cached = _prefix;
        if (cached is null || cached.Seconds != seconds)
        {
            cached = new SecondText(seconds, "Signature " + DraftCavageSignature.FormatParametersPrefix(_options.KeyId, _algorithm, _headers, created, expires));
            _prefix = cached;
        }

        return cached.Text;
    }

    // ValidUntilTick: the Environment.TickCount64 before which the second has surely not ended (long.MinValue: unknown).
    private sealed record SecondText(long Seconds, string Text, long ValidUntilTick = long.MinValue);
}
