using System.Text;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

public sealed class KnownSecretsTests
{
    [Fact]
    public void RenewalsKeepOnlyTheLiveAndThePreviousValueOfEachCredential()
    {
        var known = new KnownSecrets(["configured-secret", "configured-password"]);

        for (var renewal = 0; renewal < 5_000; renewal++)
        {
            known.Renew("access_token", $"access-token-{renewal:D6}");
            known.Renew("refresh_token", $"refresh-token-{renewal:D6}");
        }

        Assert.Equal(2 + (2 * 2), known.Count);
        Assert.Equal("*** *** *** *** access-token-004997", SecretRedactor.Redact("access-token-004999 access-token-004998 configured-secret refresh-token-004999 access-token-004997", known));
    }

    [Fact]
    public void AMegabyteBodyIsMaskedAgainstTheBoundedSetAfterThousandsOfRenewals()
    {
        var known = new KnownSecrets(["configured-secret"]);
        for (var renewal = 0; renewal < 5_000; renewal++)
        {
            known.Renew("token", $"issued-token-{renewal:D6}");
        }

        var body = new StringBuilder();
        while (body.Length < 1024 * 1024)
        {
            body.Append("issued-token-004999 issued-token-000001 configured-secret; ");
        }

        var redacted = SecretRedactor.Redact(body.ToString(), known);

        Assert.Equal(3, known.Count);
        Assert.DoesNotContain("issued-token-004999", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("configured-secret", redacted, StringComparison.Ordinal);
        Assert.Contains("issued-token-000001", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void ReissuingTheLiveValueKeepsThePreviousOne()
    {
        var known = new KnownSecrets([]);
        known.Renew("token", "first-token-value");
        known.Renew("token", "second-token-value");

        known.Renew("token", "second-token-value");

        Assert.Equal(2, known.Count);
        Assert.Equal("*** ***", SecretRedactor.Redact("first-token-value second-token-value", known));
    }

    [Fact]
    public void BlankValuesAreNotHeld()
    {
        var known = new KnownSecrets(["", null, "configured-secret"]);

        known.Renew("refresh_token", null);
        known.Renew("refresh_token", "");

        Assert.Equal(1, known.Count);
    }
}
