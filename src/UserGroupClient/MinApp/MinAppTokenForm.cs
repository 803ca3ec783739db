using System.Security.Cryptography;
using System.Text;

namespace UserGroupClient.MinApp;

/// <summary>
/// The token endpoint's body for both grants, as <c>multipart/form-data</c>, the encoding the vendor's own clients
/// send: the server's OAuth provider reads form fields only and answers a JSON body with 400 <c>invalid_request</c>
/// (docs/wire/minapp.md §1.2). Written by hand rather than through a serializer, so it needs no reflection.
/// </summary>
internal sealed class MinAppTokenForm
{
    /// <summary>The <c>grant_type</c> of a code exchange.</summary>
    public const string AuthorizationCodeGrant = "authorization_code";

    /// <summary>The <c>grant_type</c> of a refresh.</summary>
    public const string RefreshTokenGrant = "refresh_token";

    private readonly KeyValuePair<string, string>[] _fields;

    private MinAppTokenForm(string grantType, KeyValuePair<string, string>[] fields)
    {
        GrantType = grantType;
        _fields = fields;
    }

    /// <summary>The grant this form asks for.</summary>
    public string GrantType { get; }

    /// <summary>The exchange of an authorization code.</summary>
    public static MinAppTokenForm AuthorizationCode(string clientId, string clientSecret, string code) =>
        new(AuthorizationCodeGrant, [new("client_id", clientId), new("client_secret", clientSecret), new("grant_type", AuthorizationCodeGrant), new("code", code)]);

    /// <summary>The renewal of a token pair by its refresh token.</summary>
    public static MinAppTokenForm RefreshToken(string clientId, string clientSecret, string refreshToken) =>
        new(RefreshTokenGrant, [new("client_id", clientId), new("client_secret", clientSecret), new("grant_type", RefreshTokenGrant), new("refresh_token", refreshToken)]);

    /// <summary>Encodes the fields, UTF-8, between a fresh random boundary; returns the body and its <c>Content-Type</c>.</summary>
    public (byte[] Body, string MediaType) Encode()
    {
        // 128 random bits: no field value can contain the boundary by chance, and the server never sees it in advance.
        var boundary = "UserGroupClient-" + RandomNumberGenerator.GetHexString(32, lowercase: true);
        var text = new StringBuilder();
        foreach (var (name, value) in _fields)
        {
            text.Append("--").Append(boundary).Append("\r\n")
                .Append("Content-Disposition: form-data; name=\"").Append(name).Append("\"\r\n\r\n")
                .Append(value).Append("\r\n");
        }

        text.Append("--").Append(boundary).Append("--\r\n");
        return (Encoding.UTF8.GetBytes(text.ToString()), "multipart/form-data; boundary=" + boundary);
    }
}
