using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.Owl;

/// <summary>
/// HS256 JWTs as gin-jwt v2 issues them: claims <c>id</c> (username), <c>userId</c>, <c>exp</c> and <c>orig_iat</c>,
/// signed with a per-instance random key.
/// </summary>
internal sealed class OwlJwt(TimeProvider clock)
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>Issues a token; <paramref name="originalIssuedAt"/> is kept across refreshes.</summary>
    public (string Token, DateTimeOffset Expire) Issue(OwlUserRow user, TimeSpan lifetime, DateTimeOffset originalIssuedAt)
    {
        // gin-jwt works in whole seconds; rounding here keeps "expire" and "exp" equal.
        var now = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds());
        var expire = now + lifetime;
        var claims = new JsonObject
        {
            ["id"] = user.Username,
            ["userId"] = user.Id,
            ["exp"] = expire.ToUnixTimeSeconds(),
            ["orig_iat"] = originalIssuedAt.ToUnixTimeSeconds(),
        };
        var unsigned = Base64Url(Header) + "." + Base64Url(JsonResponse.Serialize(claims));
        return (unsigned + "." + Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(unsigned))), expire);
    }

    /// <summary>Checks signature and expiry; returns the claims or the jwt-go error text.</summary>
    public bool TryValidate(string token, out OwlClaims claims, out string error)
    {
        claims = default;
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            error = "token contains an invalid number of segments";
            return false;
        }

        var expected = Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1])));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2])))
        {
            error = "signature is invalid";
            return false;
        }

        try
        {
            using var payload = JsonDocument.Parse(FromBase64Url(parts[1]));
            var root = payload.RootElement;
            claims = new OwlClaims(
                root.GetProperty("id").GetString()!,
                root.GetProperty("exp").GetInt64(),
                root.GetProperty("orig_iat").GetInt64());
        }
        catch (Exception exception) when (exception is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            error = "token is malformed";
            return false;
        }

        if (claims.Expires <= clock.GetUtcNow().ToUnixTimeSeconds())
        {
            error = "Token is expired";
            return false;
        }

        error = "";
        return true;
    }

    public static string Rfc3339(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }
}
