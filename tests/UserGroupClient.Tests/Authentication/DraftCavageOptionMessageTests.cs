using UserGroupClient.Authentication;

namespace UserGroupClient.Tests.Authentication;

/// <summary>
/// The options the draft-cavage handler refuses, each with a message that says what is wrong with them: the header
/// list, and the timestamps draft-cavage-12 §2.3 allows with <c>hs2019</c> only.
/// </summary>
public sealed class DraftCavageOptionMessageTests
{
    [Fact]
    public void AnEmptyHeaderListIsRefusedBecauseSomethingMustBeSigned()
    {
        using var signer = HttpMessageSigners.HmacSha256("0123456789abcdef0123456789abcdef"u8);

        var error = Assert.Throws<ArgumentException>(() => new HttpSignatureHandler(new HttpSignatureOptions { KeyId = "k", Signer = signer, Headers = [] }));

        Assert.Equal("At least one header must be signed. (Parameter 'options')", error.Message);
    }

    [Fact]
    public void AHeaderNameThatIsNotALowerCaseAsciiTokenIsQuotedInTheRefusal()
    {
        using var signer = HttpMessageSigners.HmacSha256("0123456789abcdef0123456789abcdef"u8);

        var error = Assert.Throws<ArgumentException>(() => new HttpSignatureHandler(new HttpSignatureOptions { KeyId = "k", Signer = signer, Headers = ["date", "X-Org"] }));

        Assert.Equal("Signed header names must be lower-case ASCII single tokens; 'X-Org' is not. (Parameter 'options')", error.Message);
    }

    [Fact]
    public void AHeaderListedTwiceIsRefused()
    {
        using var signer = HttpMessageSigners.HmacSha256("0123456789abcdef0123456789abcdef"u8);

        var error = Assert.Throws<ArgumentException>(() => new HttpSignatureHandler(new HttpSignatureOptions { KeyId = "k", Signer = signer, Headers = ["date", "host", "date"] }));

        Assert.Equal("A signed header is listed twice. (Parameter 'options')", error.Message);
    }

    [Theory]
    [InlineData("(created) date", null)]
    [InlineData("(expires) date", 60)]
    [InlineData("(created) (expires)", 60)]
    public void CreatedOrExpiresWithAnAlgorithmOtherThanHs2019IsRefused(string headers, int? expiresSeconds)
    {
        using var signer = HttpMessageSigners.HmacSha256("0123456789abcdef0123456789abcdef"u8);
        var options = new HttpSignatureOptions
        {
            KeyId = "k",
            Signer = signer,
            Headers = headers.Split(' '),
            Expires = expiresSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        };

        var error = Assert.Throws<ArgumentException>(() => new HttpSignatureHandler(options));

        Assert.Equal("(created), (expires) and an expiry go with algorithm hs2019 only; this signer's is hmac-sha256. (Parameter 'options')", error.Message);
    }
}
