using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

public sealed class SecretRedactorTests
{
    private const string Password = "Summer\"2024!ö<&/";

    [Theory]
    [InlineData("""{"token": "abc123", "keyword": "Bearer"}""", "abc123")]
    [InlineData("""{"access_token":"t0k","refresh_token":"r3f"}""", "t0k")]
    [InlineData("""{"password":"hunter2"}""", "hunter2")]
    [InlineData("""{"client_secret": "s3cr3t"}""", "s3cr3t")]
    [InlineData("grant=x&password=hunter2&user=bob", "hunter2")]
    [InlineData("Authorization: Bearer eyJhbGciOi.payload.sig", "eyJhbGciOi")]
    [InlineData("header Token 0123456789abcdef0123456789abcdef01234567", "0123456789abcdef")]
    [InlineData("""Signature keyId="k",signature="c2lnbmF0dXJl" """, "c2lnbmF0dXJl")]
    [InlineData("""{'password': 'hunter2', 'user': 'bob'}""", "hunter2")]
    [InlineData("User(name=bob, password='hunter2')", "hunter2")]
    [InlineData("""{"accessToken": "camel-case-value", "id": 1}""", "camel-case-value")]
    [InlineData("""{"new_password2": "prefixed-value"}""", "prefixed-value")]
    [InlineData("""{"detail": "bad", "password": "cut-off-in-the-mid""", "cut-off")]
    [InlineData("""{\"password\": \"escaped-inside-a-string\"}""", "escaped-inside")]
    public void SecretsAreMasked(string text, string secret)
    {
        var redacted = SecretRedactor.Redact(text);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Mask, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void OrdinaryErrorBodiesAreKept()
    {
        const string body = """{"detail": "UserGroup object does not exist.", "code": "object_does_not_exist"}""";

        Assert.Equal(body, SecretRedactor.Redact(body));
    }

    [Theory]
    [InlineData("Basic authentication failed.")]
    [InlineData("Token authentication requires a header")]
    [InlineData("Invalid token header. No credentials provided.")]
    public void ASchemeWordFollowedByProseIsKept(string text) => Assert.Equal(text, SecretRedactor.Redact(text));

    [Theory]
    [InlineData("Summer\\\"2024!\\u00f6<&/")] // Python's json.dumps, ensure_ascii on
    [InlineData("Summer\\\"2024!ö\\u003c\\u0026\\/")] // Go's encoding/json, with an escaped slash
    [InlineData("Summer\\u00222024!\\u00F6\\u003C\\u0026/")] // .NET's default encoder, upper-case hex
    [InlineData("Summer%222024%21%C3%B6%3C%26%2F")] // URL encoding
    [InlineData("Summer%222024!%c3%b6%3c%26/")] // partial URL encoding, lower-case hex
    [InlineData("Summer&quot;2024!&#246;&lt;&amp;&#x2F;")] // HTML character references
    [InlineData("Summer\\x222024!\\xf6<&/")] // Python repr escapes
    public void AKnownSecretIsMaskedInWhateverEscapingItIsEchoed(string echoed)
    {
        var known = new KnownSecrets([Password]);

        var redacted = SecretRedactor.Redact($"login failed for admin with {echoed} (try again)", known);

        Assert.Equal("login failed for admin with *** (try again)", redacted);
    }

    [Fact]
    public void AKnownSecretThatContainsAnotherIsMaskedWhole()
    {
        var known = new KnownSecrets(["abcdef", "xx-abcdef-yy"]);

        Assert.Equal("got *** and ***", SecretRedactor.Redact("got xx-abcdef-yy and abcdef", known));
    }

    [Theory]
    [InlineData("Authorization: Bearer admin was refused", "Authorization: Bearer *** was refused")]
    [InlineData("Authorization: Basic admin", "Authorization: Basic ***")]
    [InlineData("password=admin&user=bob", "password=***&user=bob")]
    [InlineData("user admin not found; administrators only", "user admin not found; administrators only")]
    [InlineData("Bearer administrators", "Bearer administrators")]
    public void AShortKnownSecretIsMaskedOnlyWhereACredentialCanAppear(string text, string expected)
    {
        var known = new KnownSecrets(["admin"]);

        Assert.Equal(expected, SecretRedactor.Redact(text, known));
    }
}
