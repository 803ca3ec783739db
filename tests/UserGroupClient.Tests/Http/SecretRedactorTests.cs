using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("""{"token": "abc123", "keyword": "Bearer"}""", "abc123")]
    [InlineData("""{"access_token":"t0k","refresh_token":"r3f"}""", "t0k")]
    [InlineData("""{"password":"hunter2"}""", "hunter2")]
    [InlineData("""{"client_secret": "s3cr3t"}""", "s3cr3t")]
    [InlineData("grant=x&password=hunter2&user=bob", "hunter2")]
    [InlineData("Authorization: Bearer eyJhbGciOi.payload.sig", "eyJhbGciOi")]
    [InlineData("header Token 0123456789abcdef0123456789abcdef01234567", "0123456789abcdef")]
    [InlineData("""Signature keyId="k",signature="c2lnbmF0dXJl" """, "c2lnbmF0dXJl")]
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
}
