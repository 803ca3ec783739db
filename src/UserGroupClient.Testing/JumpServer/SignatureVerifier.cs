using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>
/// JumpServer's access-key authentication (<c>common/auth/signature.py</c> over httpsig 1.3.0), step by step,
/// including the mistakes that crash the server with a 500 instead of answering 401.
/// </summary>
internal static class SignatureVerifier
{
    private const string InvalidSignature = "Invalid signature.";
    private const string IpNotAllowed = "Ip is not in access ip list.";
    private const string DateOutsideWindow = "Signature date is malformed or outside the allowed window.";

    private static readonly string[] KnownAlgorithms =
        ["rsa-sha1", "rsa-sha256", "rsa-sha512", "hmac-sha1", "hmac-sha256", "hmac-sha512"];

    /// <summary>Verifies a request; <see cref="AuthOutcome.Anonymous"/> means the header is not a Signature one.</summary>
    /// <remarks>The caller holds <see cref="JumpServerState.Sync"/>.</remarks>
    public static AuthOutcome Verify(JumpServerRequest request, string authorization)
    {
        // httpsig decodes the header as ASCII before anything else, outside any exception handler.
        if (!Ascii.IsValid(authorization))
        {
            return AuthOutcome.ServerError;
        }

        var parameters = SignatureParameters.Parse(authorization);
        if (!parameters.Scheme.Equals("signature", StringComparison.OrdinalIgnoreCase))
        {
            return AuthOutcome.Anonymous;
        }

        if (parameters.Count == 0
            || parameters["keyid"] is not { } keyId
            || parameters["algorithm"] is not { } algorithm
            || parameters["signature"] is not { } signature)
        {
            return AuthOutcome.Fail(InvalidSignature);
        }

        // AccessKey.objects.get(id=…) raises Django's ValidationError for a malformed UUID, which drf.py does not catch.
        if (!PythonValues.TryNormalizeUuid(keyId, out var keyUuid))
        {
            return AuthOutcome.ServerError;
        }

        var state = request.State;
        var key = state.FindAccessKey(keyUuid);
        var user = key is { IsActive: true } ? state.FindUser(key.UserId) : null;
        if (key is null || user is not { IsActive: true })
        {
            return AuthOutcome.Fail(InvalidSignature);
        }

        if (!IpAllowList.Contains(key.AllowedIps, request.ClientIp))
        {
            return AuthOutcome.Fail(IpNotAllowed);
        }

        // Signer.__init__ asserts the algorithm, and an HMAC secret is no RSA key.
        if (!KnownAlgorithms.Contains(algorithm) || algorithm.StartsWith("rsa-", StringComparison.Ordinal))
        {
            return AuthOutcome.ServerError;
        }

        var signingString = BuildSigningString(request, parameters["headers"] ?? "date");
        if (signingString is null || !Ascii.IsValid(signature) || !PythonBase64.TryDecode(signature, out var presented))
        {
            return AuthOutcome.ServerError;
        }

        var expected = ComputeHmac(algorithm, Encoding.ASCII.GetBytes(key.Secret), Encoding.ASCII.GetBytes(signingString));
        if (!CryptographicOperations.FixedTimeEquals(expected, presented))
        {
            return AuthOutcome.Fail(InvalidSignature);
        }

        return request.Settings.SignatureDateWindow is { } window && !IsDateWithin(request, window)
            ? AuthOutcome.Fail(DateOutsideWindow)
            : AuthOutcome.Success(user);
    }

    /// <summary>The optional age check (<see cref="JumpServerEmulatorOptions.SignatureDateWindow"/>); the real server has none.</summary>
    private static bool IsDateWithin(JumpServerRequest request, TimeSpan window)
    {
        // The signed value is the one checked: of a repeated header the last, as the header map takes it.
        if (!DateTimeOffset.TryParseExact(request.Header("Date"), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return false;
        }

        return (request.Settings.TimeProvider.GetUtcNow() - date).Duration() <= window;
    }

    /// <summary>httpsig's <c>HeaderVerifier.verify</c> and <c>generate_message</c>; null where they raise.</summary>
    private static string? BuildSigningString(JumpServerRequest request, string headersParameter)
    {
        // Split on single spaces: two spaces make an empty name, which then cannot be found.
        var names = headersParameter.Split(' ');
        if (!names.Contains("(request-target)") || !names.Contains("date"))
        {
            return null;
        }

        var headers = request.SignatureHeaderMap();
        var lines = new List<string>(names.Length);
        foreach (var name in names)
        {
            var lower = name.ToLowerInvariant();
            if (lower == "(request-target)")
            {
                lines.Add($"(request-target): {request.Method.ToLowerInvariant()} {request.FullPath}");
            }
            else if (headers.TryGetValue(lower, out var value))
            {
                lines.Add($"{lower}: {value}");
            }
            else
            {
                return null;
            }
        }

        var signingString = string.Join('\n', lines);
        return Ascii.IsValid(signingString) ? signingString : null;
    }

    // The server verifies whichever HMAC the client names, so the emulator must compute SHA-1 too.
#pragma warning disable CA5350
    private static byte[] ComputeHmac(string algorithm, byte[] key, byte[] message) => algorithm switch
    {
        "hmac-sha1" => HMACSHA1.HashData(key, message),
        "hmac-sha512" => HMACSHA512.HashData(key, message),
        _ => HMACSHA256.HashData(key, message),
    };
#pragma warning restore CA5350
}
