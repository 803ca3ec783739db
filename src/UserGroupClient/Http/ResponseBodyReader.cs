using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace UserGroupClient.Http;

/// <summary>
/// Opens response bodies for reading under a size limit (<see cref="OpenAsync"/>), and reads the start of a body for
/// error reports: at most <see cref="MaxBytes"/> bytes kept, decoded as UTF-8, redacted.
/// </summary>
internal static class ResponseBodyReader
{
    /// <summary>How much of a body an exception keeps.</summary>
    public const int MaxBytes = 8 * 1024;

    /// <summary>
    /// How much of an error body is read to classify it. Error bodies can be larger than what an exception keeps
    /// (Kylin's carry a Java stack trace and echo the request's values), and one cut at <see cref="MaxBytes"/> is no
    /// longer JSON, so the vendor's error code would be lost; a larger body is reported as unreadable.
    /// </summary>
    public const int MaxClassifiedBytes = 1024 * 1024;

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
    /// smaller) are read, redacted and parsed as JSON when complete; the text kept is capped at <see cref="MaxBytes"/> characters.
    /// A body that cannot be read or decoded is reported as such, without JSON: the status alone still says what failed.
    /// </summary>
    public static async Task<(string Text, JsonElement? Json)> ReadErrorAsync(HttpContent? content, long maxBytes, KnownSecrets? secrets, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return (string.Empty, null);
        }

        var limit = (int)Math.Min(MaxClassifiedBytes, maxBytes);
        try
        {
            return await ReadErrorAsync(content, limit, secrets, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            return (Unreadable(exception), null);
        }
    }

    /// <summary>
    /// Reads up to <see cref="MaxBytes"/> bytes; the rest is left unread and the body marked as cut. A body that cannot
    /// be read or decoded is reported as such, and as cut.
    /// </summary>
    public static async Task<(string Text, bool Complete)> ReadCappedAsync(HttpContent? content, KnownSecrets? secrets, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return (string.Empty, true);
        }

        try
        {
            var stream = await OpenAsync(content, MaxBytes + 1, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[MaxBytes + 1];
                var length = 0;
                int read;
                while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }

                var complete = length <= MaxBytes;
                return (Decode(buffer.AsSpan(0, Math.Min(length, MaxBytes)), complete, secrets), complete);
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            return (Unreadable(exception), false);
        }
    }

    /// <summary>Decodes captured bytes and removes secrets; a cut body is marked so.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, bool complete, KnownSecrets? secrets = null)
    {
        var text = SecretRedactor.Redact(Encoding.UTF8.GetString(bytes), secrets);
        return complete ? text : text + "…[truncated]";
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
        catch (JsonException)
        {
            return null;
        }
    }

    // What an exception keeps of a body it could not read: the reason, which names no secret.
    private static string Unreadable(Exception exception) => "[the body could not be read: " + exception.Message + "]";

    private static async Task<(string Text, JsonElement? Json)> ReadErrorAsync(HttpContent content, int limit, KnownSecrets? secrets, CancellationToken cancellationToken)
    {
        // One byte past the limit is read to tell a body of exactly the limit from a longer one.
        var stream = await OpenAsync(content, limit + 1L, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, 16 * 1024));
            var length = 0;
            try
            {
                while (length <= limit)
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, buffer.Length * 2));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit + 1) - length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }

                var complete = length <= limit;
                var text = SecretRedactor.Redact(Encoding.UTF8.GetString(buffer, 0, Math.Min(length, limit)), secrets);
                return (Cap(text, complete), TryParseJson(text, complete));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static string Cap(string text, bool complete)
    {
        if (text.Length <= MaxBytes)
        {
            return complete ? text : text + "…[truncated]";
        }

        var end = char.IsHighSurrogate(text[MaxBytes - 1]) ? MaxBytes - 1 : MaxBytes;
        return text[..end] + "…[truncated]";
    }
}
