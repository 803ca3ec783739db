using System.Text;
using BenchmarkDotNet.Attributes;
using NSec.Cryptography;
using UserGroupClient.Authentication;
using UserGroupClient.Benchmarks.Infrastructure;

namespace UserGroupClient.Benchmarks;

/// <summary>
/// Measurement 6: signing a GET with an RFC 9421 HTTP Message Signature (<c>@method @authority @path</c> and
/// <c>created</c>) through <see cref="HttpMessageSignatureHandler"/>, whose inner handler answers at once: with Ed25519
/// against NSec's bare sign of a signature base of the same length (the floor under it), and with HMAC-SHA256. The
/// paired run measures the Ed25519 handler and the bare sign side by side, so the time the handler adds is judged from
/// neighbouring blocks rather than from two means of about 16 µs taken minutes apart.
/// </summary>
[MemoryDiagnoser]
[Paired(nameof(NSecSignAlone), nameof(Ed25519Request), InvocationsPerBlock = 5_000, Rounds = 30)]
public class MessageSignatureBenchmarks : IDisposable
{
    private const string Path = "/api/v1/users/groups/5f0cc1c5-4f8e-4bd4-9c33-2b8d1e1c9a11/";

    // The 32-byte seed of RFC 9421's test-key-ed25519 (Appendix B.1.4): the last 32 bytes of its PKCS#8 document.
    private static readonly byte[] Seed = Convert.FromBase64String("MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF")[^32..];

    // RFC 9421's test-shared-secret (Appendix B.1.5).
    private static readonly byte[] SharedSecret = Convert.FromBase64String("uzvJfB4u3N0Jy4T7NZ75MDVcr8zSTInedJtkgcu46YW4XByzNJjxBdtjUkdJPBtbmHhIDi6pcl8jsasjlTMtDQ==");

    // What the handler signs for this request, created at a time of the same number of digits.
    private static readonly byte[] SignatureBase = Encoding.ASCII.GetBytes(
        "\"@method\": GET\n\"@authority\": jumpserver.test\n\"@path\": " + Path +
        "\n\"@signature-params\": (\"@method\" \"@authority\" \"@path\");created=1618884473;keyid=\"test-key-ed25519\"");

    private readonly Key _nsecKey = Key.Import(SignatureAlgorithm.Ed25519, Seed, KeyBlobFormat.RawPrivateKey);
    private readonly byte[] _signature = new byte[SignatureAlgorithm.Ed25519.SignatureSize];
    private readonly HttpMessageInvoker _ed25519;
    private readonly HttpMessageInvoker _hmac;
    private readonly HttpRequestMessage _request = new(HttpMethod.Get, "http://jumpserver.test" + Path);

    public MessageSignatureBenchmarks()
    {
        _ed25519 = Signing("test-key-ed25519", HttpMessageSigners.Ed25519(Seed));
        _hmac = Signing("test-shared-secret", HttpMessageSigners.HmacSha256(SharedSecret));
    }

    // Not a target: the floor, NSec's Ed25519 signature over a signature base of the same bytes.
    [Benchmark(Description = "NSec Ed25519 sign alone")]
    public Task NSecSignAlone()
    {
        SignatureAlgorithm.Ed25519.Sign(_nsecKey, SignatureBase, _signature);
        return Task.CompletedTask;
    }

    [Benchmark(Description = "RFC 9421 GET, Ed25519")]
    public Task<HttpResponseMessage> Ed25519Request() => _ed25519.SendAsync(_request, CancellationToken.None);

    [Benchmark(Description = "RFC 9421 GET, HMAC-SHA256")]
    public Task<HttpResponseMessage> HmacRequest() => _hmac.SendAsync(_request, CancellationToken.None);

    public void Dispose()
    {
        _ed25519.Dispose();
        _hmac.Dispose();
        _request.Dispose();
        _nsecKey.Dispose();
        GC.SuppressFinalize(this);
    }

    private static HttpMessageInvoker Signing(string keyId, HttpMessageSigner signer) =>
        new(new HttpMessageSignatureHandler(new HttpMessageSignatureOptions
        {
            KeyId = keyId,
            Signer = signer,
            Components = ["@method", "@authority", "@path"],
        })
        {
            InnerHandler = new AnswerAtOnceHandler(),
        });
}
