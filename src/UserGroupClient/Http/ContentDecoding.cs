using System.IO.Compression;
using System.Net;

namespace UserGroupClient.Http;

/// <summary>
/// Compressed answers: every attempt asks for gzip or Brotli, and a body that comes back encoded is decoded as it is
/// read. The SDK does this in its attempt handlers, which await every response anyway, rather than through the
/// transport's automatic decompression, whose header handling allocates about 600 bytes per call.
/// A transport that decompresses by itself (a caller's <see cref="HttpClient"/>) leaves nothing encoded to decode here.
/// Either way the readers read the decoded body through a <see cref="LengthLimitedStream"/>, so the size limit counts
/// what a body decodes to, and an encoding that cannot be decoded fails there as an <see cref="IOException"/>.
/// </summary>
internal static class ContentDecoding
{
    private const string AcceptEncoding = "Accept-Encoding";
    private const string ContentEncoding = "Content-Encoding";

    /// <summary>Asks for a compressed answer, unless the request already says what it accepts.</summary>
    public static void Accept(HttpRequestMessage request)
    {
        if (!request.Headers.NonValidated.Contains(AcceptEncoding))
        {
            request.Headers.TryAddWithoutValidation(AcceptEncoding, "gzip, br");
        }
    }

    /// <summary>
    /// Replaces a gzip or Brotli body with one that decodes while it is read. A body in an encoding that was not asked
    /// for is left as it came, so reading it fails as a malformed answer.
    /// </summary>
    public static void Decode(HttpResponseMessage response)
    {
        if (response.Content.Headers.NonValidated.TryGetValues(ContentEncoding, out var values))
        {
            // Encodings apply in the order listed, so they are undone from the last; "identity" means none.
            var encodings = string.Join(',', values).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(encoding => !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
                .Reverse()
                .Select(Parse)
                .ToArray();
            if (encodings.Length > 0 && Array.TrueForAll(encodings, encoding => encoding != DecompressionMethods.None))
            {
                response.Content = new DecodedContent(response.Content, encodings);
            }
        }
    }

    private static DecompressionMethods Parse(string encoding) =>
        encoding.ToLowerInvariant() switch
        {
            "gzip" or "x-gzip" => DecompressionMethods.GZip,
            "br" => DecompressionMethods.Brotli,
            _ => DecompressionMethods.None,
        };

    /// <summary>The decoded view of an encoded body; it owns, and disposes, the encoded one.</summary>
    private sealed class DecodedContent : HttpContent
    {
        private readonly HttpContent _encoded;
        private readonly DecompressionMethods[] _encodings;

        public DecodedContent(HttpContent encoded, DecompressionMethods[] encodings)
        {
            _encoded = encoded;
            _encodings = encodings;

            // The decoded body has neither the encoding nor the length of the bytes on the wire.
            foreach (var header in encoded.Headers.NonValidated)
            {
                if (!header.Key.Equals(ContentEncoding, StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
        }

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            Wrap(await _encoded.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));

        protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            var decoded = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (decoded.ConfigureAwait(false))
            {
                await decoded.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _encoded.Dispose();
            }

            base.Dispose(disposing);
        }

        private Stream Wrap(Stream stream)
        {
            foreach (var encoding in _encodings)
            {
                stream = encoding == DecompressionMethods.GZip
                    ? new GZipStream(stream, CompressionMode.Decompress)
                    : new BrotliStream(stream, CompressionMode.Decompress);
            }

            return stream;
        }
    }
}
