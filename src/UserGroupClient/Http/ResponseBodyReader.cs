using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace UserGroupClient.Http;

/// <summary>
/// Opens response bodies for reading under a size limit (<see cref="OpenAsync"/>), and reads a body for an error report:
/// decoded as UTF-8, masked whole (<see cref="MaskBody"/>), and only then cut to the <see cref="MaxBytes"/> characters
/// an exception keeps, so no secret is ever cut in two before it is masked.
/// </summary>
internal static class ResponseBodyReader
{
    /// <summary>How much of a body an exception keeps.</summary>
    public const int MaxBytes = 8 * 1024;

    /// <summary>
    /// How much of a body is read when only <see cref="MaxBytes"/> of it are kept: more than is kept, so that a secret
    /// that starts in the kept part is read whole and masked before the cut.
    /// </summary>
    public const int MaskedBytes = MaxBytes + (8 * 1024);

    /// <summary>
    /// How much of an error body is read to classify it. Error bodies can be larger than what an exception keeps
    /// (Kylin's carry a Java stack trace and echo the request's values), and one cut at <see cref="MaxBytes"/> is no
    /// longer JSON, so the vendor's error code would be lost; a larger body is reported as unreadable.
    /// </summary>
    public const int MaxClassifiedBytes = 1024 * 1024;

    private const string CutMark = "…[truncated]";

    /// <summary>
    /// Opens a body for reading through a <see cref="LengthLimitedStream"/>: reading more than <paramref name="limit"/>
    /// bytes (after decoding) fails with <see cref="ResponseTooLargeException"/>, and every failure to read or decode is
    /// an <see cref="IOException"/> or an <see cref="HttpRequestException"/>.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<Stream> OpenAsync(HttpContent content, long limit, CancellationToken cancellationToken) =>
        new LengthLimitedStream(await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), limit);

    /// <summary>
    /// Reads an error body to classify it: up to <see cref="MaxClassifiedBytes"/> (or <paramref name="maxBytes"/> when
    /// smaller) are read and masked, and parsed as JSON when complete; the text kept is capped at <see cref="MaxBytes"/> characters.
    /// A body that cannot be read or decoded is reported as such, without JSON: the status alone still says what failed.
    /// </summary>
    public static Task<MaskedBody> ReadErrorAsync(HttpContent? content, long maxBytes, KnownSecrets? secrets, CancellationToken cancellationToken) =>
        ReadAsync(content, (int)Math.Min(MaxClassifiedBytes, maxBytes), secrets, cancellationToken);

    /// <summary>
    /// Reads up to <see cref="MaskedBytes"/> bytes, masks them and keeps <see cref="MaxBytes"/>; the rest is left unread.
    /// A body that cannot be read or decoded is reported as such, and as cut.
    /// </summary>
    public static Task<MaskedBody> ReadMaskedAsync(HttpContent? content, KnownSecrets? secrets, CancellationToken cancellationToken) =>
        ReadAsync(content, MaskedBytes, secrets, cancellationToken);

    /// <summary>As <see cref="ReadMaskedAsync"/>, with whether the text kept is the whole body.</summary>
    public static async Task<(string Text, bool Complete)> ReadCappedAsync(HttpContent? content, KnownSecrets? secrets, CancellationToken cancellationToken)
    {
        var body = await ReadMaskedAsync(content, secrets, cancellationToken).ConfigureAwait(false);
        return (body.Text, body.IsWhole);
    }

    /// <summary>
    /// Masks captured bytes and cuts the result to <see cref="MaxBytes"/> characters. A complete JSON body is masked
    /// value by value (<see cref="JsonSecretMasker"/>) and given parsed; any other text is masked as text.
    /// </summary>
    /// <param name="bytes">The body, or its start.</param>
    /// <param name="complete">Whether <paramref name="bytes"/> is the whole body.</param>
    /// <param name="secrets">The client's known secrets, if any.</param>
    public static MaskedBody MaskBody(ReadOnlySpan<byte> bytes, bool complete, KnownSecrets? secrets)
    {
        var raw = Encoding.UTF8.GetString(bytes);
        if (TryParseJson(raw, complete) is { } json)
        {
            try
            {
                var masked = JsonSecretMasker.Mask(json, secrets);
                return Cap(masked?.Text ?? raw, complete, masked?.Json ?? json);
            }
            catch (InvalidOperationException)
            {
                // A string no .NET string can hold (an escaped lone surrogate): the body is masked as text, and the
                // mapper, which could not read that string either, gets no JSON.
            }
        }

        return Cap(SecretRedactor.Redact(raw, secrets), complete, null);
    }

    /// <summary>Parses a complete body as JSON, or gives <see langword="null"/> when it is not JSON.</summary>
    public static JsonElement? TryParseJson(string text, bool complete)
    {
        if (!complete || text.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        // Stryker disable once Block : an emptied catch block returns default, which for a JsonElement? is the same null
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<MaskedBody> ReadAsync(HttpContent? content, int limit, KnownSecrets? secrets, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return MaskedBody.Empty;
        }

        try
        {
            return await ReadLimitedAsync(content, limit, secrets, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            // What an exception keeps of a body it could not read: the reason, which names no secret.
            return new MaskedBody("[the body could not be read: " + exception.Message + "]", null, false);
        }
    }

    private static async Task<MaskedBody> ReadLimitedAsync(HttpContent content, int limit, KnownSecrets? secrets, CancellationToken cancellationToken)
    {
        // One byte past the limit is read to tell a body of exactly the limit from a longer one.
        var stream = await OpenAsync(content, limit + 1L, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var cap = limit + 1;
            // Stryker disable once Linq : a larger first buffer changes only how often it grows; every read stays within the cap
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(cap, 16 * 1024));
            var length = 0;
            try
            {
                while (length <= limit)
                {
                    if (length == buffer.Length)
                    {
                        // Stryker disable once Linq : a larger buffer changes only how often it grows; every read stays within the cap
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(cap, buffer.Length * 2));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        // Stryker disable once Statement : a rented array not given back goes to the garbage collector; the bytes read are the same
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, cap) - length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }

                return MaskBody(buffer.AsSpan(0, Math.Min(length, limit)), length <= limit, secrets);
            }
            finally
            // Stryker disable once Block : a rented array not given back goes to the garbage collector; the body read is the same
            {
                // Stryker disable once Statement : a rented array not given back goes to the garbage collector; the body read is the same
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static MaskedBody Cap(string text, bool complete, JsonElement? json)
    {
        if (text.Length <= MaxBytes)
        {
            return complete ? new MaskedBody(text, json, true) : new MaskedBody(text + CutMark, json, false);
        }

        var end = char.IsHighSurrogate(text[MaxBytes - 1]) ? MaxBytes - 1 : MaxBytes;
        return new MaskedBody(text[..end] + CutMark, json, false);
    }
}
