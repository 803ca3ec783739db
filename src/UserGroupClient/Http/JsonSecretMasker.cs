using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace UserGroupClient.Http;

/// <summary>
/// Masks a parsed JSON body value by value, after the parser has undone the body's escaping: the whole value of a
/// secret key at any depth (an array or object whole; <see langword="null"/>, <c>""</c> and booleans are kept, as they
/// hold nothing), an OAuth code under <c>code</c>, a string or number that is exactly a known secret (short ones
/// included), JSON text held in a string, and everything <see cref="SecretRedactor.Redact"/> finds in the other strings
/// and the property names. The masked body is written out again, so the text shown is built from the masked values.
/// </summary>
internal sealed class JsonSecretMasker
{
    private const int MaxNestedDocuments = 2;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly KnownSecrets? _known;
    private readonly int _nesting;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private bool _changed;

    private JsonSecretMasker(KnownSecrets? known, int nesting)
    {
        _known = known;
        _nesting = nesting;
    }

    /// <summary>Masks <paramref name="root"/>: its text as JSON and the masked document, or <see langword="null"/> when nothing needed masking.</summary>
    public static (string Text, JsonElement Json)? Mask(JsonElement root, KnownSecrets? known) => new JsonSecretMasker(known, 0).Run(root);

    private static bool HoldsNothing(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False => true,
        JsonValueKind.String => value.GetString()!.Length == 0,
        JsonValueKind.Array => value.GetArrayLength() == 0,
        JsonValueKind.Object => !value.EnumerateObject().Any(),
        _ => false,
    };

    private (string Text, JsonElement Json)? Run(JsonElement root)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(root, writer);
        }

        if (!_changed)
        {
            return null;
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return (Encoding.UTF8.GetString(buffer.WrittenSpan), document.RootElement.Clone());
    }

    private void Write(JsonElement value, Utf8JsonWriter writer)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject())
                {
                    writer.WritePropertyName(MaskName(property.Name));
                    if (SecretKeys.IsSecret(property.Name) && !HoldsNothing(property.Value))
                    {
                        WriteMask(writer);
                    }
                    else if (property.Value.ValueKind == JsonValueKind.String && SecretKeys.IsAuthorizationCode(property.Name, property.Value.GetString()!))
                    {
                        WriteMask(writer);
                    }
                    else
                    {
                        Write(property.Value, writer);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(MaskString(value.GetString()!));
                break;
            case JsonValueKind.Number when _known is not null && _known.IsWholeValue(value.GetRawText()):
                WriteMask(writer);
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private void WriteMask(Utf8JsonWriter writer)
    {
        writer.WriteStringValue(SecretRedactor.Mask);
        _changed = true;
    }

    private string MaskName(string name)
    {
        if (!_names.TryGetValue(name, out var masked))
        {
            masked = SecretRedactor.Redact(name, _known);
            _names[name] = masked;
        }

        _changed |= !ReferenceEquals(masked, name);
        return masked;
    }

    private string MaskString(string value)
    {
        string masked;
        if (_known is not null && _known.IsWholeValue(value))
        {
            masked = SecretRedactor.Mask;
        }
        else if (_nesting < MaxNestedDocuments && TryParseNested(value) is { } nested)
        {
            // JSON text inside a string (a request body echoed in an error description) gets the same structural masking.
            using (nested)
            {
                masked = new JsonSecretMasker(_known, _nesting + 1).Run(nested.RootElement)?.Text ?? value;
            }
        }
        else
        {
            masked = SecretRedactor.Redact(value, _known);
        }

        _changed |= !ReferenceEquals(masked, value);
        return masked;
    }

    private static JsonDocument? TryParseNested(string value)
    {
        // Only an object or an array: a JSON scalar in a string is text, where a short known value is an ordinary word.
        if (value.AsSpan().Trim() is not (['{', .., '}'] or ['[', .., ']']))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(value);
        }
        catch (JsonException)
        // Stryker disable once Block : an emptied catch falls through to the return of default Stryker adds at the method's end, which is this null
        {
            return null;
        }
    }
}
