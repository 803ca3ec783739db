using System.Net;
using System.Text;
using System.Text.Json;
using UserGroupClient.Authentication;

namespace UserGroupClient.Tests.Authentication;

/// <summary>The RFC 9421 Appendix B examples in Rfc9421Vectors/ (see its README), as messages, keys and expected values.</summary>
internal static class Rfc9421Vectors
{
    /// <summary>created= of every Appendix B example but §4.3's.</summary>
    public const long Created = 1618884473;

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Authentication", "Rfc9421Vectors");
    private static readonly Lazy<JsonElement> Document = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "rfc9421_vectors.json"))).RootElement);

    public static JsonElement Case(string id) => Document.Value.GetProperty("cases").GetProperty(id);

    public static string Text(string id, string property) => Case(id).GetProperty(property).GetString()!;

    public static string Message(string name) => Document.Value.GetProperty(name).GetString()!;

    public static string Key(string fileName) => File.ReadAllText(Path.Combine(Folder, "keys", fileName));

    public static byte[] SharedSecret() => Convert.FromBase64String(Key("test-shared-secret.b64").Trim());

    /// <summary>The 32-byte Ed25519 seed of test-key-ed25519 (RFC 9421 B.1.4), read from its PKCS#8 PEM.</summary>
    public static byte[] Ed25519Seed()
    {
        var der = Convert.FromBase64String(string.Concat(Key("test-key-ed25519.priv.pem").Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
        return der[^32..];
    }

    /// <summary>A verification key for one of the example key ids.</summary>
    public static HttpMessageVerificationKey VerificationKey(string keyId) => keyId switch
    {
        "test-key-rsa-pss" => HttpMessageVerificationKeys.RsaPssSha512FromPem(Key("test-key-rsa-pss.pub.pem")),
        "test-key-rsa" => HttpMessageVerificationKeys.RsaV15Sha256FromPem(Key("test-key-rsa.pub.pem")),
        "test-key-ecc-p256" => HttpMessageVerificationKeys.EcdsaP256Sha256FromPem(Key("test-key-ecc-p256.pub.pem")),
        "test-key-ed25519" => HttpMessageVerificationKeys.Ed25519FromPem(Key("test-key-ed25519.pub.pem")),
        "test-shared-secret" => HttpMessageVerificationKeys.HmacSha256(SharedSecret()),
        _ => throw new ArgumentOutOfRangeException(nameof(keyId), keyId, "Not an RFC 9421 example key."),
    };

    /// <summary>A signer for one of the example key ids.</summary>
    public static HttpMessageSigner Signer(string keyId) => keyId switch
    {
        "test-key-rsa-pss" => HttpMessageSigners.RsaPssSha512FromPem(Key("test-key-rsa-pss.priv.pem")),
        "test-key-rsa" => HttpMessageSigners.RsaV15Sha256FromPem(Key("test-key-rsa.priv.pem")),
        "test-key-ecc-p256" => HttpMessageSigners.EcdsaP256Sha256FromPem(Key("test-key-ecc-p256.priv.pem")),
        "test-key-ed25519" => HttpMessageSigners.Ed25519FromPem(Key("test-key-ed25519.priv.pem")),
        "test-shared-secret" => HttpMessageSigners.HmacSha256(SharedSecret()),
        _ => throw new ArgumentOutOfRangeException(nameof(keyId), keyId, "Not an RFC 9421 example key."),
    };

    /// <summary>
    /// Builds the request an HTTP/1.1 message text describes: https, the Host header as the URI's authority, content
    /// headers on the body.
    /// </summary>
    public static HttpRequestMessage Request(string text)
    {
        var (startLine, headers, body) = Split(text);
        var parts = startLine.Split(' ');
        var host = headers.First(h => h.Name.Equals("Host", StringComparison.OrdinalIgnoreCase)).Value;
        var request = new HttpRequestMessage(new HttpMethod(parts[0]), new Uri($"https://{host}{parts[1]}"));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        }

        foreach (var (name, value) in headers.Where(h => !h.Name.Equals("Host", StringComparison.OrdinalIgnoreCase)))
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    /// <summary>Builds the response an HTTP/1.1 message text describes.</summary>
    public static HttpResponseMessage Response(string text)
    {
        var (startLine, headers, body) = Split(text);
        var response = new HttpResponseMessage((HttpStatusCode)int.Parse(startLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body ?? "")),
        };
        foreach (var (name, value) in headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    private static (string StartLine, List<(string Name, string Value)> Headers, string? Body) Split(string text)
    {
        var blank = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = blank < 0 ? text : text[..blank];
        var body = blank < 0 ? null : text[(blank + 2)..];
        var lines = head.Split('\n');
        var headers = lines.Skip(1).Select(l => (l[..l.IndexOf(':', StringComparison.Ordinal)], l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())).ToList();
        return (lines[0], headers, body);
    }
}
