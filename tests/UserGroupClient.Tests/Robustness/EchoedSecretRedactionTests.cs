using UserGroupClient.Http;

namespace UserGroupClient.Tests.Robustness;

/// <summary>Error bodies that echo credentials back, in the shapes servers and gateways use, lose them; vendor error codes stay.</summary>
public sealed class EchoedSecretRedactionTests
{
    [Theory]
    [InlineData("<tr><td>POST</td><td>username=admin&amp;password=hunter2hunter2</td></tr><tr><td>HTTP_AUTHORIZATION</td><td>Bearer eyJhbGciOi.payload.sig</td></tr>", "hunter2hunter2", "eyJhbGciOi.payload.sig")]
    [InlineData("password=s3cr3t-value;token=t0ken-value-123", "s3cr3t-value", "t0ken-value-123")]
    [InlineData("""{"error":"invalid_grant","code":"a17452a4dec5dbb170b195cc3f49d774897f94c7"}""", "a17452a4dec5dbb170b195cc3f49d774897f94c7", null)]
    public void EchoedCredentialsAreMasked(string body, string first, string? second)
    {
        var redacted = SecretRedactor.Redact(body);

        Assert.DoesNotContain(first, redacted, StringComparison.Ordinal);
        if (second is not null)
        {
            Assert.DoesNotContain(second, redacted, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{"code":"999","msg":"User group g1 already exists."}""")]
    [InlineData("""{"code":500,"message":"Error 1062: Duplicate entry"}""")]
    [InlineData("""{"code":"not_authenticated","detail":"Authentication credentials were not provided."}""")]
    [InlineData("""{"code":"authentication_failed","detail":"Invalid token header. No credentials provided."}""")]
    public void VendorErrorCodesStayReadable(string body) => Assert.Equal(body, SecretRedactor.Redact(body));
}
