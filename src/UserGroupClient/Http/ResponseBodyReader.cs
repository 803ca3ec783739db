using System.Text;
using System.Text.Json;

namespace UserGroupClient.Http;

/// <summary>Reads the start of a response body for error reports: at most <see cref="MaxBytes"/> bytes, decoded as UTF-8, redacted.</summary>
internal static class ResponseBodyReader
{
    /// <summary>How much of a body an exception keeps.</summary>
    public const int MaxBytes = 8 * 1024;

    /// <summary>Reads up to <see cref="MaxBytes"/> bytes; the rest is left unread and the body marked as cut.</summary>
    public static async Task<(string Text, bool Complete)> ReadCappedAsync(HttpContent? content, CancellationToken cancellationToken)
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
            return (Decode(buffer.AsSpan(0, Math.Min(length, MaxBytes)), complete), complete);
        }
    }

    /// <summary>Decodes captured bytes and removes secrets; a cut body is marked so.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, bool complete)
    {
        var text = SecretRedactor.Redact(Encoding.UTF8.GetString(bytes));
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
}
