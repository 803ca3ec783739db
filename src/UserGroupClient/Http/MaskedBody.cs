using System.Text.Json;

namespace UserGroupClient.Http;

/// <summary>A response body as exceptions show it and error mappers read it: masked, then cut.</summary>
/// <param name="Text">The masked text, cut to <see cref="ResponseBodyReader.MaxBytes"/> characters and marked when cut.</param>
/// <param name="Json">The masked body parsed, when the body was complete, valid JSON (even when <paramref name="Text"/> is cut).</param>
/// <param name="IsWhole">Whether <paramref name="Text"/> is the whole body.</param>
internal sealed record MaskedBody(string Text, JsonElement? Json, bool IsWhole)
{
    /// <summary>No body at all.</summary>
    public static readonly MaskedBody Empty = new(string.Empty, null, true);
}
