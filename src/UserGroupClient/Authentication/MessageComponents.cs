using System.Net.Http.Headers;

namespace UserGroupClient.Authentication;

/// <summary>
/// Writes the lines of a signature base from a message (RFC 9421 §2.5): <c>"identifier": value</c> for each covered
/// component, the values taken as the message goes on the wire.
/// </summary>
internal static class MessageComponents
{
    /// <summary>
    /// Writes one component line and its LF. <paramref name="response"/> is <see langword="null"/> when a request is
    /// signed or verified; for a response, <paramref name="request"/> is the request it answers (or <see langword="null"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The message does not have the component, or its value is not printable ASCII.</exception>
    public static void WriteLine(ref SignatureBaseWriter writer, SignatureComponent component, HttpRequestMessage? request, HttpResponseMessage? response)
    {
        writer.Write(component.IdentifierBytes);
        writer.Write(": "u8);
        if (response is not null && !component.FromRequest)
        {
            WriteResponseValue(ref writer, component, response);
        }
        else if (response is null && component.FromRequest)
        {
            // Stryker disable once String : only the verifier reaches this, and it reports MissingComponent without the message
            throw new InvalidOperationException($"The component {component.Identifier} takes its value from the request, which only a response can do.");
        }
        else
        {
            // Stryker disable once String : only the verifier reaches this, and it reports MissingComponent without the message
            WriteRequestValue(ref writer, component, request ?? throw new InvalidOperationException($"The component {component.Identifier} needs the request, which the response does not carry."));
        }

        writer.Write((byte)'\n');
    }

    private static void WriteResponseValue(ref SignatureBaseWriter writer, SignatureComponent component, HttpResponseMessage response)
    {
        switch (component.Kind)
        {
            case SignatureComponentKind.Status:
                writer.WriteInteger((int)response.StatusCode);
                break;
            case SignatureComponentKind.Field:
                WriteField(ref writer, component, response.Headers, response.Content, null);
                break;
            default:
                // Stryker disable once String : only the verifier reaches this, and it reports MissingComponent without the message
                throw new InvalidOperationException($"The component {component.Identifier} belongs to a request; on a response it needs the req parameter.");
        }
    }

    private static void WriteRequestValue(ref SignatureBaseWriter writer, SignatureComponent component, HttpRequestMessage request)
    {
        if (component.Kind == SignatureComponentKind.Field)
        {
            WriteField(ref writer, component, request.Headers, request.Content, request);
            return;
        }

        var uri = request.RequestUri is { IsAbsoluteUri: true } absolute
            ? absolute
            : throw new InvalidOperationException("The request has no absolute URI, so its derived components cannot be signed or verified.");
        switch (component.Kind)
        {
            case SignatureComponentKind.Method:
                writer.WriteAscii(request.Method.Method);
                break;
            case SignatureComponentKind.TargetUri:
                writer.WriteAsciiLower(uri.Scheme);
                writer.Write("://"u8);
                WriteAuthority(ref writer, request, uri);
                writer.WriteAscii(uri.PathAndQuery);
                break;
            case SignatureComponentKind.Authority:
                WriteAuthority(ref writer, request, uri);
                break;
            case SignatureComponentKind.Scheme:
                writer.WriteAsciiLower(uri.Scheme);
                break;
            case SignatureComponentKind.RequestTarget:
                writer.WriteAscii(uri.PathAndQuery);
                break;
            case SignatureComponentKind.Path:
                var path = uri.AbsolutePath;
                writer.WriteAscii(path.Length == 0 ? "/" : path);
                break;
            case SignatureComponentKind.Query:
                var query = uri.Query;
                writer.WriteAscii(query.Length == 0 ? "?" : query);
                break;
            case SignatureComponentKind.QueryParameter:
                writer.WriteAscii(QueryParameters.FindValue(uri.Query, component.ParameterName!));
                break;
            default:
                // Stryker disable once String : only the verifier reaches this, and it reports MissingComponent without the message
                throw new InvalidOperationException($"The component {component.Identifier} belongs to a response.");
        }
    }

    // The host as the client sends it: the Host header when one is set, otherwise the URI's host (IDN as punycode) and
    // its port unless it is the scheme's default.
    private static void WriteAuthority(ref SignatureBaseWriter writer, HttpRequestMessage request, Uri uri)
    {
        if (request.Headers.Host is { } host)
        {
            writer.WriteAsciiLower(host);
            return;
        }

        writer.WriteAsciiLower(uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost);
        if (!uri.IsDefaultPort)
        {
            writer.Write((byte)':');
            writer.WriteInteger(uri.Port);
        }
    }

    // RFC 9421 §2.1: the field's lines in order, each trimmed, obsolete line folding turned into one space, joined by ", ".
    private static void WriteField(ref SignatureBaseWriter writer, SignatureComponent component, HttpHeaders headers, HttpContent? content, HttpRequestMessage? request)
    {
        var name = component.Name;
        var any = false;
        if (headers.NonValidated.TryGetValues(name, out var values))
        {
            WriteValues(ref writer, values, ref any);
        }

        if (content is not null)
        {
            if (name == "content-length")
            {
                // The length of a body the client measures itself is set on first read.
                _ = content.Headers.ContentLength;
            }

            if (content.Headers.NonValidated.TryGetValues(name, out values))
            {
                WriteValues(ref writer, values, ref any);
            }
        }

        if (!any && name == "host" && request?.RequestUri is { IsAbsoluteUri: true } uri)
        {
            // The client writes Host from the URI when the request does not set one.
            WriteAuthority(ref writer, request, uri);
            any = true;
        }

        if (!any)
        {
            throw new InvalidOperationException($"The component {component.Identifier} is covered but the message has no such field.");
        }
    }

    private static void WriteValues(ref SignatureBaseWriter writer, HeaderStringValues values, ref bool any)
    {
        foreach (var value in values)
        {
            if (any)
            {
                writer.Write(", "u8);
            }

            WriteFieldValue(ref writer, value);
            any = true;
        }
    }

    private static void WriteFieldValue(ref SignatureBaseWriter writer, string value)
    {
        var rest = value.AsSpan().Trim(" \t\r\n");
        while (true)
        {
            var fold = rest.IndexOfAny('\r', '\n');
            if (fold == -1)
            {
                writer.WriteAscii(rest);
                return;
            }

            writer.WriteAscii(rest[..fold].TrimEnd(" \t"));
            writer.Write((byte)' ');
            rest = rest[fold..].TrimStart(" \t\r\n");
        }
    }
}
