using System.Net.Http.Headers;
using System.Text;

namespace UserGroupClient.Authentication;

/// <summary>
/// Checks RFC 9421 HTTP Message Signatures on requests and responses: reads <c>Signature-Input</c> and
/// <c>Signature</c>, finds the key by <c>keyid</c>, checks <c>alg</c>, <c>created</c> and <c>expires</c> against the
/// clock (with the allowed skew), the required components, the signature over the rebuilt signature base, and a
/// covered <c>Content-Digest</c> against the body. For tests and for servers that accept this SDK's signatures.
/// </summary>
public sealed class HttpMessageSignatureVerifier
{
    private readonly HttpMessageSignatureVerifierOptions _options;
    private readonly string[] _required;

    /// <summary>Creates the verifier.</summary>
    /// <exception cref="ArgumentException">A required component is malformed or unknown, or the skew or maximum age is negative.</exception>
    public HttpMessageSignatureVerifier(HttpMessageSignatureVerifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.KeyResolver, nameof(options));
        ArgumentNullException.ThrowIfNull(options.RequiredComponents, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        if (options.AllowedClockSkew < TimeSpan.Zero || options.MaxAge < TimeSpan.Zero)
        {
            throw new ArgumentException("The clock skew and the maximum age cannot be negative.", nameof(options));
        }

        _required = new string[options.RequiredComponents.Count];
        for (var i = 0; i < _required.Length; i++)
        {
            try
            {
                _required[i] = SignatureComponent.Parse(options.RequiredComponents[i]).Identifier;
            }
            catch (ArgumentException exception)
            {
                throw new ArgumentException(exception.Message, nameof(options), exception);
            }
        }

        _options = options;
    }

    /// <summary>Checks the signature of a request (as received by a server, or as sent).</summary>
    public Task<HttpMessageSignatureVerificationResult> VerifyRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return VerifyCoreAsync(request.Headers, request, null, cancellationToken);
    }

    /// <summary>
    /// Checks the signature of a response. Components with the <c>req</c> parameter are read from
    /// <see cref="HttpResponseMessage.RequestMessage"/>.
    /// </summary>
    public Task<HttpMessageSignatureVerificationResult> VerifyResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        return VerifyCoreAsync(response.Headers, response.RequestMessage, response, cancellationToken);
    }

    private async Task<HttpMessageSignatureVerificationResult> VerifyCoreAsync(HttpHeaders headers, HttpRequestMessage? request, HttpResponseMessage? response, CancellationToken cancellationToken)
    {
        if (FieldText(headers, null, "Signature-Input") is not { } inputText || FieldText(headers, null, "Signature") is not { } signatureText)
        {
            return Fail(HttpMessageSignatureFailure.MissingSignature, null, null);
        }

        List<KeyValuePair<string, StructuredMember>> inputs;
        List<KeyValuePair<string, StructuredMember>> signatures;
        try
        {
            inputs = StructuredFieldParser.ParseDictionary(inputText);
            signatures = StructuredFieldParser.ParseDictionary(signatureText);
        }
        catch (FormatException)
        {
            return Fail(HttpMessageSignatureFailure.MalformedSignature, null, null);
        }

        var selected = inputs.FindIndex(m => (_options.Label is null || m.Key == _options.Label) && (_options.Tag is null || Equals(Parameter(m.Value, "tag"), _options.Tag)));
        if (selected < 0)
        {
            return Fail(HttpMessageSignatureFailure.MissingSignature, null, null);
        }

        var (label, input) = inputs[selected];
        var signatureIndex = signatures.FindIndex(m => m.Key == label);
        if (signatureIndex < 0)
        {
            return Fail(HttpMessageSignatureFailure.MissingSignature, label, null);
        }

        if (input.InnerList is null || signatures[signatureIndex].Value.Value is not byte[] signature
            || !TryReadParameters(input, out var keyId, out var algorithm, out var created, out var expires))
        {
            return Fail(HttpMessageSignatureFailure.MalformedSignature, label, null);
        }

        if (keyId is null || _options.KeyResolver(keyId) is not { } key)
        {
            return Fail(HttpMessageSignatureFailure.UnknownKey, label, keyId);
        }

        if (algorithm is not null && algorithm != key.Algorithm)
        {
            return Fail(HttpMessageSignatureFailure.AlgorithmMismatch, label, keyId);
        }

        if (CheckTime(created, expires) is { } timeFailure)
        {
            return Fail(timeFailure, label, keyId);
        }

        var components = new List<SignatureComponent>(input.InnerList.Count);
        try
        {
            foreach (var item in input.InnerList)
            {
                var component = SignatureComponent.FromReceived(item);
                if (components.Exists(c => c.Identifier == component.Identifier))
                {
                    return Fail(HttpMessageSignatureFailure.MalformedSignature, label, keyId);
                }

                components.Add(component);
            }
        }
        catch (FormatException)
        {
            return Fail(HttpMessageSignatureFailure.MalformedSignature, label, keyId);
        }

        foreach (var required in _required)
        {
            if (!components.Exists(c => c.Identifier == required))
            {
                return Fail(HttpMessageSignatureFailure.MissingRequiredComponent, label, keyId);
            }
        }

        if (!VerifySignatureBase(components, input, request, response, key, signature, out var failure))
        {
            return Fail(failure, label, keyId);
        }

        if (_options.VerifyContentDigest && !await ContentDigestsMatchAsync(components, request, response, cancellationToken).ConfigureAwait(false))
        {
            return Fail(HttpMessageSignatureFailure.ContentDigestMismatch, label, keyId);
        }

        return new HttpMessageSignatureVerificationResult(HttpMessageSignatureFailure.None, label, keyId);
    }

    private static bool VerifySignatureBase(
        List<SignatureComponent> components,
        StructuredMember input,
        HttpRequestMessage? request,
        HttpResponseMessage? response,
        HttpMessageVerificationKey key,
        byte[] signature,
        out HttpMessageSignatureFailure failure)
    {
        var writer = new SignatureBaseWriter(1024);
        try
        {
            try
            {
                foreach (var component in components)
                {
                    MessageComponents.WriteLine(ref writer, component, request, response);
                }
            }
            catch (InvalidOperationException)
            {
                failure = HttpMessageSignatureFailure.MissingComponent;
                return false;
            }

            writer.Write("\"@signature-params\": "u8);
            writer.Write(Encoding.ASCII.GetBytes(SignatureParameters(input)));
            failure = key.Verify(writer.Written, signature) ? HttpMessageSignatureFailure.None : HttpMessageSignatureFailure.InvalidSignature;
            return failure == HttpMessageSignatureFailure.None;
        }
        finally
        // Stryker disable once Block : the block only disposes the writer, which blanks and pools its buffer; the verdict is the same
        {
            // Stryker disable once Statement : disposing blanks the buffer and returns it to the pool; skipped, the buffer is left to the collector and the verdict is the same
            writer.Dispose();
        }
    }

    // The @signature-params value is the member re-serialised (RFC 9421 §2.3), which is how the signer wrote it.
    private static string SignatureParameters(StructuredMember input)
    {
        var builder = new StringBuilder("(");
        for (var i = 0; i < input.InnerList!.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            StructuredFieldParser.AppendBareItem(builder, input.InnerList[i].Value);
            StructuredFieldParser.AppendParameters(builder, input.InnerList[i].Parameters);
        }

        builder.Append(')');
        StructuredFieldParser.AppendParameters(builder, input.Parameters);
        return builder.ToString();
    }

    private HttpMessageSignatureFailure? CheckTime(long? created, long? expires)
    {
        var now = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        var skew = (long)_options.AllowedClockSkew.TotalSeconds;
        if (created is null)
        {
            if (_options.RequireCreated)
            {
                return HttpMessageSignatureFailure.MissingCreated;
            }
        }
        else if (created > now + skew)
        {
            return HttpMessageSignatureFailure.CreatedInFuture;
        }
        else if (_options.MaxAge is { } maxAge && created + (long)maxAge.TotalSeconds + skew < now)
        {
            return HttpMessageSignatureFailure.TooOld;
        }

        return expires is not null && expires + skew < now ? HttpMessageSignatureFailure.Expired : null;
    }

    private static async ValueTask<bool> ContentDigestsMatchAsync(List<SignatureComponent> components, HttpRequestMessage? request, HttpResponseMessage? response, CancellationToken cancellationToken)
    {
        foreach (var component in components)
        {
            if (component.Name != "content-digest")
            {
                continue;
            }

            var (headers, content) = response is not null && !component.FromRequest
                ? ((HttpHeaders)response.Headers, response.Content)
                : (request!.Headers, request.Content);
            if (FieldText(headers, content, component.Name) is not { } value
                || !await ContentDigest.MatchesAsync(value, content, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryReadParameters(StructuredMember input, out string? keyId, out string? algorithm, out long? created, out long? expires)
    {
        keyId = null;
        algorithm = null;
        created = null;
        expires = null;
        foreach (var (name, value) in input.Parameters)
        {
            switch (name)
            {
                case "keyid" when value is string text:
                    keyId = text;
                    break;
                case "alg" when value is string text:
                    algorithm = text;
                    break;
                case "created" when value is long seconds:
                    created = seconds;
                    break;
                case "expires" when value is long seconds:
                    expires = seconds;
                    break;
                case "nonce" or "tag" when value is string:
                    break;
                case "keyid" or "alg" or "created" or "expires" or "nonce" or "tag":
                    return false;
                default:
                    // Parameters this verifier does not know are still signed (they are in @signature-params).
                    break;
            }
        }

        return true;
    }

    private static object? Parameter(StructuredMember member, string name)
    {
        foreach (var (key, value) in member.Parameters)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }

    private static string? FieldText(HttpHeaders headers, HttpContent? content, string name)
    {
        string? text = null;
        if (headers.NonValidated.TryGetValues(name, out var values))
        {
            text = string.Join(", ", values);
        }

        if (content is not null && content.Headers.NonValidated.TryGetValues(name, out values))
        {
            text = text is null ? string.Join(", ", values) : text + ", " + string.Join(", ", values);
        }

        return text;
    }

    private static HttpMessageSignatureVerificationResult Fail(HttpMessageSignatureFailure failure, string? label, string? keyId) => new(failure, label, keyId);
}
