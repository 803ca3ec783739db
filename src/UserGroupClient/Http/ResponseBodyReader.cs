using System.Buffers;
using System.Text;
using System.Text.Json;

namespace UserGroupClient.Http;

/// <summary>Reads the start of a response body for error reports: at most <see cref="MaxBytes"/> bytes, decoded as UTF-8, redacted.</summary>
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
    /// Reads an error body to classify it: up to <see cref="MaxClassifiedBytes"/> (or <paramref name="maxBytes"/> when
    /// smaller) are read, redacted and parsed as JSON when complete; the text kept is capped at <see cref="MaxBytes"/> characters.
    /// </summary>
    public static async Task<(string Text, JsonElement? Json)> ReadErrorAsync(HttpContent? content, long maxBytes, KnownSecrets? secrets, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return (string.Empty, null);
        }

        var limit = (int)Math.Min(MaxClassifiedBytes, maxBytes);
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>Reads up to <see cref="MaxBytes"/> bytes; the rest is left unread and the body marked as cut.</summary>
    public static async Task<(string Text, bool Complete)> ReadCappedAsync(HttpContent? content, KnownSecrets? secrets, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return (string.Empty, true);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>Decodes captured bytes and removes secrets; a cut body is marked so.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, bool complete, KnownSecrets? secrets = null)
    {
        var text = SecretRedactor.Redact(Encoding.UTF8.GetString(bytes), secrets);
        return complete ? text : text + "…[truncated]";
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
}
