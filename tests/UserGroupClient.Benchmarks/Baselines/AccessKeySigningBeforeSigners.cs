using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace UserGroupClient.Benchmarks.Baselines;

/// <summary>
/// The reference issue 14 judges Access Key signing against: the per-request work of <c>HttpSignatureHandler</c> as it
/// was before draft-cavage moved onto <c>HttpMessageSigner</c> (its own HMAC signer behind an interface, the wall clock
/// read for every request, the Date header read back while writing the signing string), frozen here so that "no slower
/// than before" is measured in the same run as today's handler instead of against numbers from another day. Only the
/// path the benchmark's request takes is kept; nothing in the SDK uses this class, and it is not to be improved.
/// </summary>
internal sealed class AccessKeySigningBeforeSigners : DelegatingHandler
{
    private const int StackBytes = 512;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The old handler called its signer through an interface; the copy keeps that call.")]
    private readonly ISigner _signer;
    private readonly string[] _headers;
    private readonly string _authorizationPrefix;
    private DateText? _date;

    public AccessKeySigningBeforeSigners(string keyId, byte[] key, IReadOnlyList<string> headers)
    {
        _signer = new HmacSigner(key);
        _headers = [.. headers];
        _authorizationPrefix = $"Signature keyId=\"{keyId}\",algorithm=\"hmac-sha256\",headers=\"{string.Join(' ', _headers)}\",signature=\"";
    }

    private interface ISigner
    {
        bool TrySign(ReadOnlySpan<byte> signingString, Span<byte> destination, out int bytesWritten);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var seconds = TimeProvider.System.GetUtcNow().UtcTicks / TimeSpan.TicksPerSecond;
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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ((HmacSigner)_signer).Dispose();
        }

        base.Dispose(disposing);
    }

    private void Sign(HttpRequestMessage request)
    {
        Span<byte> signingString = stackalloc byte[StackBytes];
        if (!TryWriteSigningString(request, _headers, signingString, out var length))
        {
            throw new InvalidOperationException("The benchmark's signing string fits on the stack.");
        }

        Span<byte> signature = stackalloc byte[StackBytes];
        _signer.TrySign(signingString[..length], signature, out var signatureLength);
        Span<char> base64 = stackalloc char[((StackBytes + 2) / 3 * 4) + 1];
        Convert.TryToBase64Chars(signature[..signatureLength], base64, out var base64Length);
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", string.Concat(_authorizationPrefix, base64[..base64Length], "\""));
    }

    private static bool TryWriteSigningString(HttpRequestMessage request, string[] headers, Span<byte> destination, out int written)
    {
        written = 0;
        for (var i = 0; i < headers.Length; i++)
        {
            var name = headers[i];
            if ((i > 0 && !TryAppend("\n", destination, ref written)) || !TryAppend(name, destination, ref written) || !TryAppend(": ", destination, ref written))
            {
                return false;
            }

            if (name == "(request-target)")
            {
                var method = request.Method.Method;
                if (destination.Length - written < method.Length + 1 || Ascii.ToLower(method, destination[written..], out var lowered) != OperationStatus.Done)
                {
                    return false;
                }

                written += lowered;
                destination[written++] = (byte)' ';
                if (!TryAppend(request.RequestUri!.PathAndQuery, destination, ref written))
                {
                    return false;
                }
            }
            else if (!request.Headers.NonValidated.TryGetValues(name, out var values)
                || !TryAppend(values.Count == 1 ? values.ToString() : string.Join(", ", values), destination, ref written))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryAppend(string text, Span<byte> destination, ref int written)
    {
        if (destination.Length - written < text.Length || Ascii.FromUtf16(text, destination[written..], out var count) != OperationStatus.Done)
        {
            return false;
        }

        written += count;
        return true;
    }

    private sealed record DateText(long Seconds, string Text);

    private sealed class HmacSigner(byte[] key) : ISigner, IDisposable
    {
        private IncrementalHash? _idle = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);

        public bool TrySign(ReadOnlySpan<byte> signingString, Span<byte> destination, out int bytesWritten)
        {
            var hmac = Interlocked.Exchange(ref _idle, null);
            if (hmac is null)
            {
                return HMACSHA256.TryHashData(key, signingString, destination, out bytesWritten);
            }

            hmac.AppendData(signingString);
            bytesWritten = hmac.GetHashAndReset(destination);
            Volatile.Write(ref _idle, hmac);
            return true;
        }

        public void Dispose() => Interlocked.Exchange(ref _idle, null)?.Dispose();
    }
}
