using System.Text;
using System.Text.RegularExpressions;

namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>Checks the shape of a received <c>Authorization</c> header for each scheme the SDK sends.</summary>
public static partial class AuthorizationShape
{
    /// <summary>
    /// A draft-cavage HTTP signature: <c>Signature keyId="…",algorithm="hmac-sha256",headers="…",signature="…"</c> with
    /// the key id, the algorithm and the signed header list given, and a base64 signature of 32 bytes (HMAC-SHA256).
    /// The signed headers must all be present on the request.
    /// </summary>
    public static void AssertSignature(ReceivedRequest request, string keyId, string signedHeaders)
    {
        var header = request.Header("Authorization");
        Assert.NotNull(header);
        Assert.StartsWith("Signature ", header, StringComparison.Ordinal);
        var parameters = SignatureParameter().Matches(header!["Signature ".Length..])
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
        Assert.Equal(["algorithm", "headers", "keyId", "signature"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(keyId, parameters["keyId"]);
        Assert.Equal("hmac-sha256", parameters["algorithm"]);
        Assert.Equal(signedHeaders, parameters["headers"]);
        Assert.Equal(32, Convert.FromBase64String(parameters["signature"]).Length);
        foreach (var name in signedHeaders.Split(' ').Where(h => h != "(request-target)"))
        {
            Assert.False(string.IsNullOrEmpty(request.Header(name)), $"The signed header {name} is not on the request.");
        }
    }

    /// <summary><c>Bearer &lt;token&gt;</c>, exactly.</summary>
    public static void AssertBearer(ReceivedRequest request, string token) => Assert.Equal("Bearer " + token, request.Header("Authorization"));

    /// <summary><c>Basic base64(user:password)</c>, exactly.</summary>
    public static void AssertBasic(ReceivedRequest request, string username, string password) =>
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")), request.Header("Authorization"));

    /// <summary>No credential at all (login and token requests carry theirs in the body).</summary>
    public static void AssertNone(ReceivedRequest request) => Assert.Null(request.Header("Authorization"));

    [GeneratedRegex("(?<name>[A-Za-z]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex SignatureParameter();
}
