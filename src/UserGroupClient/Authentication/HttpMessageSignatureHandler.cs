using System.Buffers;
using System.Net.Http.Headers;
using System.Text;

namespace UserGroupClient.Authentication;

/// <summary>
/// Signs every attempt with an RFC 9421 HTTP Message Signature: optionally adds an RFC 9530 <c>Content-Digest</c> of
/// the body, builds the signature base over the configured components as the request goes on the wire, and adds
/// <c>Signature-Input: &lt;label&gt;=(…);created=…;keyid="…"</c> and <c>Signature: &lt;label&gt;=:&lt;base64&gt;:</c>.
/// Signatures under other labels stay on the request; one under this handler's label (an earlier attempt) is replaced.
/// Usable on any <see cref="HttpClient"/>; inside a retry handler each retry is signed afresh.
/// </summary>
public sealed class HttpMessageSignatureHandler : DelegatingHandler
{
    private const string SignatureInputField = "Signature-Input";
    private const string SignatureField = "Signature";

    // Room on the stack for any signature up to RSA-4096 and for typical header values.
    private const int StackBytes = 512;

    private readonly HttpMessageSigner _signer;
    private readonly SignatureComponent[] _components;
    private readonly byte[] _innerList;
    private readonly byte[] _fixedParameters;
    private readonly byte[]? _tagParameter;
    private readonly bool _includeCreated;
    private readonly long? _expiresSeconds;
    private readonly Func<string>? _nonce;
    private readonly TimeProvider _timeProvider;
    private readonly bool _addContentDigest;
    private readonly ContentDigestAlgorithm _contentDigestAlgorithm;
    private readonly string _inputPrefix;
    private readonly string _signaturePrefix;

    /// <summary>Creates the handler.</summary>
    /// <exception cref="ArgumentException">
    /// The key id, label or tag cannot be sent as a structured field, a component is unknown, malformed, repeated or
    /// belongs to responses only, or <see cref="HttpMessageSignatureOptions.Expires"/> is under one second.
    /// </exception>
    public HttpMessageSignatureHandler(HttpMessageSignatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Signer, nameof(options));
        ArgumentNullException.ThrowIfNull(options.Components, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        if (string.IsNullOrEmpty(options.KeyId) || !StructuredFieldParser.IsValidString(options.KeyId))
        {
            throw new ArgumentException("The key id must be non-empty printable ASCII.", nameof(options));
        }

        if (!IsValidLabel(options.Label))
        {
            throw new ArgumentException("The label must be a structured-field key: a lower-case letter or '*', then lower-case letters, digits, '_', '-', '.' or '*'.", nameof(options));
        }

        if (options.Tag is { } tag && !StructuredFieldParser.IsValidString(tag))
        {
            throw new ArgumentException("The tag must be printable ASCII.", nameof(options));
        }

        if (options.Expires is { } expires && expires < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException("Expires must be at least one second.", nameof(options));
        }

        _components = new SignatureComponent[options.Components.Count];
        for (var i = 0; i < _components.Length; i++)
        {
            SignatureComponent component;
            try
            {
                component = SignatureComponent.Parse(options.Components[i]);
            }
            catch (ArgumentException exception)
            {
                throw new ArgumentException(exception.Message, nameof(options), exception);
            }

            if (component.FromRequest || component.Kind == SignatureComponentKind.Status)
            {
                throw new ArgumentException($"The component {component.Identifier} belongs to responses; a request cannot be signed over it.", nameof(options));
            }

            if (Array.FindIndex(_components, 0, i, c => c.Identifier == component.Identifier) >= 0)
            {
                throw new ArgumentException($"The component {component.Identifier} is listed twice.", nameof(options));
            }

            _components[i] = component;
        }

        _signer = options.Signer;
        _includeCreated = options.IncludeCreated;
        _expiresSeconds = options.Expires is { } lifetime ? (long)lifetime.TotalSeconds : null;
        _nonce = options.Nonce;
        _timeProvider = options.TimeProvider;
        _addContentDigest = options.AddContentDigest;
        _contentDigestAlgorithm = options.ContentDigestAlgorithm;
        _inputPrefix = options.Label + "=";
        _signaturePrefix = options.Label + "=:";

        var list = new StringBuilder("(");
        for (var i = 0; i < _components.Length; i++)
        {
            list.Append(i == 0 ? "" : " ").Append(_components[i].Identifier);
        }

        _innerList = Encoding.ASCII.GetBytes(list.Append(')').ToString());

        // Parameter order, fixed: created, keyid, alg, expires, nonce, tag; the order of RFC 9421's own examples.
        var fixedParameters = new StringBuilder(";keyid=");
        StructuredFieldParser.AppendString(fixedParameters, options.KeyId);
        if (options.IncludeAlgorithm)
        {
            fixedParameters.Append(";alg=");
            StructuredFieldParser.AppendString(fixedParameters, _signer.Algorithm);
        }

        _fixedParameters = Encoding.ASCII.GetBytes(fixedParameters.ToString());
        if (options.Tag is not null)
        {
            var tagParameter = new StringBuilder(";tag=");
            StructuredFieldParser.AppendString(tagParameter, options.Tag);
            _tagParameter = Encoding.ASCII.GetBytes(tagParameter.ToString());
        }
    }

    /// <summary>Refuses a synchronous send, which would otherwise pass this handler by.</summary>
    /// <exception cref="NotSupportedException">Always: use <see cref="HttpClient.SendAsync(HttpRequestMessage)"/>.</exception>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw SynchronousSend.Refused(this);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_addContentDigest)
        {
            return DigestSignAndSendAsync(request, cancellationToken);
        }

        Sign(request);
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Signs the request as it is (a <c>Content-Digest</c> already on it when one is wanted).</summary>
    /// <exception cref="InvalidOperationException">A covered component is missing or not printable ASCII, or the nonce is not printable ASCII.</exception>
    internal void Sign(HttpRequestMessage request)
    {
        var created = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        string signatureInput;
        string signature;
        var writer = new SignatureBaseWriter(1024);
        try
        {
            foreach (var component in _components)
            {
                MessageComponents.WriteLine(ref writer, component, request, null);
            }

            writer.Write("\"@signature-params\": "u8);
            var parametersStart = writer.Length;
            WriteSignatureParameters(ref writer, created);
            signatureInput = Text(_inputPrefix, writer.Written[parametersStart..]);
            signature = SignatureText(writer.Written);
        }
        finally
        // Stryker disable once Block : the block only disposes the writer, which blanks and pools its buffer; nothing sent changes
        {
            // Stryker disable once Statement : disposing blanks the buffer and returns it to the pool; skipped, the buffer is left to the collector and nothing sent changes
            writer.Dispose();
        }

        SetMember(request.Headers, SignatureInputField, signatureInput);
        SetMember(request.Headers, SignatureField, signature);
    }

    private async Task<HttpResponseMessage> DigestSignAndSendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var digest = await ContentDigest.ComputeAsync(request.Content, _contentDigestAlgorithm, cancellationToken).ConfigureAwait(false);
        request.Headers.Remove(ContentDigest.FieldName);
        request.Headers.TryAddWithoutValidation(ContentDigest.FieldName, digest);
        Sign(request);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private void WriteSignatureParameters(ref SignatureBaseWriter writer, long created)
    {
        writer.Write(_innerList);
        if (_includeCreated)
        {
            writer.Write(";created="u8);
            writer.WriteInteger(created);
        }

        writer.Write(_fixedParameters);
        if (_expiresSeconds is { } lifetime)
        {
            writer.Write(";expires="u8);
            writer.WriteInteger(created + lifetime);
        }

        if (_nonce is not null)
        {
            var nonce = _nonce();
            if (string.IsNullOrEmpty(nonce))
            {
                throw new InvalidOperationException("The nonce callback returned an empty nonce.");
            }

            writer.Write(";nonce="u8);
            writer.WriteString(nonce);
        }

        if (_tagParameter is not null)
        {
            writer.Write(_tagParameter);
        }
    }

    // "<label>=:<base64>:" with the signature on the stack (pooled past RSA-4096) and the text built in place.
    private string SignatureText(ReadOnlySpan<byte> signatureBase)
    {
        var size = _signer.MaxSignatureSize;
        byte[]? rented = null;
        Span<byte> signature = stackalloc byte[StackBytes];
        // Stryker disable once Equality : a signature of exactly StackBytes fits either buffer; the bytes sent are the same
        if (size > StackBytes)
        {
            signature = rented = ArrayPool<byte>.Shared.Rent(size);
        }

        try
        {
            if (!_signer.TrySign(signatureBase, signature, out var written) || written == 0)
            {
                throw new InvalidOperationException($"The {_signer.Algorithm} signer wrote no signature into {signature.Length} bytes.");
            }

            var length = _signaturePrefix.Length + (((written + 2) / 3) * 4) + 1;
            char[]? rentedChars = null;
            Span<char> chars = stackalloc char[StackBytes];
            // Stryker disable once Equality : text of exactly StackBytes fits either buffer; the text sent is the same
            if (length > StackBytes)
            {
                chars = rentedChars = ArrayPool<char>.Shared.Rent(length);
            }

            _signaturePrefix.CopyTo(chars);
            Convert.TryToBase64Chars(signature[..written], chars[_signaturePrefix.Length..], out var base64Length);
            chars[_signaturePrefix.Length + base64Length] = ':';
            var text = new string(chars[..length]);
            if (rentedChars is not null)
            // Stryker disable once Block : returning the rented buffer to the pool changes no header sent
            {
                // Stryker disable once Statement : returning the rented buffer to the pool changes no header sent
                ArrayPool<char>.Shared.Return(rentedChars);
            }

            return text;
        }
        finally
        {
            if (rented is not null)
            // Stryker disable once Block : returning the rented buffer to the pool changes no header sent
            {
                // Stryker disable once Statement : returning the rented buffer to the pool changes no header sent
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static string Text(string prefix, ReadOnlySpan<byte> ascii)
    {
        var length = prefix.Length + ascii.Length;
        char[]? rented = null;
        Span<char> chars = stackalloc char[StackBytes];
        // Stryker disable once Equality : text of exactly StackBytes fits either buffer; the text sent is the same
        if (length > StackBytes)
        {
            chars = rented = ArrayPool<char>.Shared.Rent(length);
        }

        prefix.CopyTo(chars);
        Ascii.ToUtf16(ascii, chars[prefix.Length..], out _);
        var text = new string(chars[..length]);
        if (rented is not null)
        // Stryker disable once Block : returning the rented buffer to the pool changes no header sent
        {
            // Stryker disable once Statement : returning the rented buffer to the pool changes no header sent
            ArrayPool<char>.Shared.Return(rented);
        }

        return text;
    }

    // Each signature is its own field line; the lines join into one dictionary on the wire. Lines under other labels
    // (a proxy's, another handler's) stay; the one under this label, from an earlier attempt, is replaced.
    private void SetMember(HttpRequestHeaders headers, string field, string value)
    {
        if (headers.NonValidated.TryGetValues(field, out var existing))
        {
            List<string>? kept = null;
            foreach (var line in existing)
            {
                if (!line.StartsWith(_inputPrefix, StringComparison.Ordinal))
                {
                    (kept ??= []).Add(line);
                }
            }

            headers.Remove(field);
            if (kept is not null)
            {
                headers.TryAddWithoutValidation(field, kept);
            }
        }

        headers.TryAddWithoutValidation(field, value);
    }

    private static bool IsValidLabel(string? label)
    {
        if (string.IsNullOrEmpty(label) || !(char.IsAsciiLetterLower(label[0]) || label[0] == '*'))
        {
            return false;
        }

        foreach (var c in label)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c is not ('_' or '-' or '.' or '*'))
            {
                return false;
            }
        }

        return true;
    }
}
