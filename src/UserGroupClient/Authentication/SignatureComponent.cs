using System.Text;

namespace UserGroupClient.Authentication;

/// <summary>
/// One covered component of an RFC 9421 signature: a derived component (<c>@method</c>, <c>@query-param</c>, …) or an
/// HTTP field, with the parameters this SDK supports (<c>name</c> for <c>@query-param</c>, <c>req</c> on a response).
/// </summary>
internal sealed class SignatureComponent
{
    private SignatureComponent(string name, SignatureComponentKind kind, string? parameterName, bool fromRequest)
    {
        Name = name;
        Kind = kind;
        ParameterName = parameterName;
        FromRequest = fromRequest;
        var builder = new StringBuilder();
        StructuredFieldParser.AppendString(builder, name);
        if (parameterName is not null)
        {
            builder.Append(";name=");
            StructuredFieldParser.AppendString(builder, parameterName);
        }

        if (fromRequest)
        {
            builder.Append(";req");
        }

        Identifier = builder.ToString();
        IdentifierBytes = Encoding.ASCII.GetBytes(Identifier);
    }

    /// <summary>The component name: <c>@method</c>, or a lower-case field name.</summary>
    public string Name { get; }

    /// <summary>Which value the component stands for.</summary>
    public SignatureComponentKind Kind { get; }

    /// <summary>The <c>name</c> parameter of <c>@query-param</c> (percent-encoded as RFC 9421 §2.2.8 re-encodes it).</summary>
    public string? ParameterName { get; }

    /// <summary>The <c>req</c> parameter: on a response, the value comes from the request that caused it.</summary>
    public bool FromRequest { get; }

    /// <summary>The serialised identifier, as it appears in the signature base and in <c>Signature-Input</c>.</summary>
    public string Identifier { get; }

    /// <summary><see cref="Identifier"/> as ASCII bytes.</summary>
    public byte[] IdentifierBytes { get; }

    /// <summary>
    /// Reads a configured component: <c>@method</c>, <c>content-type</c>, <c>@query-param;name="Pet"</c> (the name may
    /// also be quoted, as in a signature base). Field names are lower-cased.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not a component this SDK can sign or verify.</exception>
    public static SignatureComponent Parse(string text)
    {
        // The messages name the component, not a parameter: the public settings that list components add their own name.
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("A component identifier cannot be empty.");
        }

        var quoted = text.StartsWith('"') ? text : QuoteName(text);
        StructuredItem item;
        try
        {
            item = StructuredFieldParser.ParseItem(quoted);
        }
        catch (FormatException)
        {
            throw new ArgumentException($"'{text}' is not a component identifier.");
        }

        // The text parsed starts with a quote, so the item is a string.
        var name = (string)item.Value;
        return FromItem(name.StartsWith('@') ? name : name.ToLowerInvariant(), item.Parameters, text);
    }

    /// <summary>Reads a component from the inner list of a received <c>Signature-Input</c>; field names must already be lower-case.</summary>
    /// <exception cref="FormatException">The item is not a component this SDK can verify.</exception>
    public static SignatureComponent FromReceived(StructuredItem item)
    {
        if (item.Value is not string name)
        {
            // Stryker disable once String : only the verifier reaches this, and it reports MalformedSignature without the message
            throw new FormatException("A covered component is not a string.");
        }

        try
        {
            return FromItem(name, item.Parameters, name);
        }
        catch (ArgumentException exception)
        {
            throw new FormatException(exception.Message, exception);
        }
    }

    private static SignatureComponent FromItem(string name, List<KeyValuePair<string, object>> parameters, string text)
    {
        string? parameterName = null;
        var fromRequest = false;
        foreach (var parameter in parameters)
        {
            switch (parameter.Key)
            {
                case "name" when parameter.Value is string value && name == "@query-param" && parameterName is null:
                    parameterName = value;
                    break;
                case "req" when parameter.Value is true && !fromRequest:
                    fromRequest = true;
                    break;
                default:
                    throw new ArgumentException(
                        $"The component '{text}' has the parameter '{parameter.Key}', which is not supported here (supported: name on @query-param, req).");
            }
        }

        var kind = KindOf(name);
        if (kind == SignatureComponentKind.QueryParameter && parameterName is null)
        {
            throw new ArgumentException("@query-param needs its name parameter, e.g. @query-param;name=\"id\".");
        }

        return new SignatureComponent(name, kind, parameterName, fromRequest);
    }

    private static SignatureComponentKind KindOf(string name) => name switch
    {
        "@method" => SignatureComponentKind.Method,
        "@target-uri" => SignatureComponentKind.TargetUri,
        "@authority" => SignatureComponentKind.Authority,
        "@scheme" => SignatureComponentKind.Scheme,
        "@request-target" => SignatureComponentKind.RequestTarget,
        "@path" => SignatureComponentKind.Path,
        "@query" => SignatureComponentKind.Query,
        "@query-param" => SignatureComponentKind.QueryParameter,
        "@status" => SignatureComponentKind.Status,
        _ when name.StartsWith('@') => throw new ArgumentException($"'{name}' is not a derived component this SDK knows."),
        _ when IsFieldName(name) => SignatureComponentKind.Field,
        _ => throw new ArgumentException($"'{name}' is not an HTTP field name."),
    };

    private static bool IsFieldName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c is not ('!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~'))
            {
                return false;
            }
        }

        return true;
    }

    private static string QuoteName(string text)
    {
        var end = text.IndexOf(';', StringComparison.Ordinal);
        return end < 0 ? $"\"{text}\"" : $"\"{text[..end]}\"{text[end..]}";
    }

    /// <inheritdoc />
    public override string ToString() => Identifier;
}
