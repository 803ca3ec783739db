using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Authentication;

namespace UserGroupClient.Tests.Authentication;

/// <summary>
/// Messages signed by hand with <c>hmac-sha256</c> over a signature base the test writes out, so a test states exactly
/// what a signer sent; and the verifier such a message is checked by.
/// </summary>
internal static class SignedMessages
{
    public const string KeyId = "k";

    public static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly byte[] Secret = "a shared secret of the tests"u8.ToArray();

    public static long NowSeconds => Now.ToUnixTimeSeconds();

    /// <summary>The base64 hmac-sha256 of a signature base.</summary>
    public static string Sign(string signatureBase) => Convert.ToBase64String(HMACSHA256.HashData(Secret, Encoding.ASCII.GetBytes(signatureBase)));

    /// <summary>Adds <c>Signature-Input: label=parameters</c> and the matching <c>Signature</c> over <paramref name="componentLines"/> (each ending in LF).</summary>
    public static void AddSignature(System.Net.Http.Headers.HttpHeaders headers, string label, string parameters, string componentLines)
    {
        headers.TryAddWithoutValidation("Signature-Input", $"{label}={parameters}");
        headers.TryAddWithoutValidation("Signature", $"{label}=:{Sign(componentLines + "\"@signature-params\": " + parameters)}:");
    }

    public static HttpMessageSignatureVerifier Verifier(
        HttpMessageVerificationKey key,
        string? label = null,
        string? tag = null,
        IList<string>? required = null,
        bool requireCreated = true,
        bool noMaxAge = false,
        bool verifyContentDigest = true) => new(new HttpMessageSignatureVerifierOptions
        {
            KeyResolver = id => id == KeyId ? key : null,
            Label = label,
            Tag = tag,
            RequiredComponents = required ?? [],
            RequireCreated = requireCreated,
            MaxAge = noMaxAge ? null : TimeSpan.FromMinutes(5),
            VerifyContentDigest = verifyContentDigest,
            TimeProvider = new FakeTimeProvider(Now),
        });

    public static HttpMessageVerificationKey Key() => HttpMessageVerificationKeys.HmacSha256(Secret);
}
