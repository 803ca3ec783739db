using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>
/// Verifies a received draft-cavage HMAC-SHA256 signature the way JumpServer's verifier does (docs/wire/jumpserver.md
/// §7): the signing string is rebuilt from the request as the server received it, one <c>name: value</c> line per
/// entry of <c>headers=</c>, in order, and signed with the secret's ASCII bytes.
/// </summary>
public static partial class HttpSignatureCheck
{
    /// <summary>Asserts that the request's signature is the one its key's <paramref name="secret"/> gives over what arrived.</summary>
    public static void AssertVerifies(ReceivedRequest request, string secret)
    {
        var header = request.Header("Authorization");
        Assert.NotNull(header);
        var parameters = Parameter().Matches(header!).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
        var message = request.Entry.RequestMessage;
        var query = (message.RawQuery ?? "").TrimStart('?');
        var target = query.Length == 0 ? message.Path : $"{message.Path}?{query}";
        var signingString = SigningString(message.Method, target, parameters["headers"].Split(' '), request.Header);
        Assert.Equal(Sign(signingString, secret), parameters["signature"]);
    }

    /// <summary>The signing string: <c>(request-target): &lt;method&gt; &lt;path?query&gt;</c> or <c>name: value</c> per signed header, joined by LF.</summary>
    public static string SigningString(string method, string pathAndQuery, IEnumerable<string> signedHeaders, Func<string, string?> header) =>
        string.Join('\n', signedHeaders.Select(name => name == "(request-target)"
            ? $"(request-target): {method.ToLowerInvariant()} {pathAndQuery}"
            : $"{name}: {header(name) ?? throw new InvalidOperationException($"The signed header {name} was not received.")}"));

    /// <summary>base64(HMAC-SHA256(ASCII secret, signing string)).</summary>
    public static string Sign(string signingString, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.ASCII.GetBytes(secret), Encoding.ASCII.GetBytes(signingString)));

    [GeneratedRegex("(?<name>[A-Za-z]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex Parameter();
}
