using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// A known secret is masked however a server escaped it when it echoed it back (JSON, Python, URL encoding, HTML
/// references, in any mix and either case of hex digits), and text that only resembles an escape neither matches nor
/// breaks the search.
/// </summary>
public sealed class EchoedSecretEscapingTests
{
    private const string Secret = "p&ss\"wörd/😀";

    [Theory]
    [InlineData("p&ss\"wörd/😀")]
    [InlineData("p&ss\\\"w\\u00f6rd\\/\\ud83d\\ude00")]
    [InlineData("p\\u0026ss\\u0022w\\u00F6rd\\u002F\\uD83D\\uDE00")]
    [InlineData("p%26ss%22w%C3%B6rd%2F%F0%9F%98%80")]
    [InlineData("p%26ss%22w%c3%b6rd%2f%f0%9f%98%80")]
    [InlineData("p&amp;ss&quot;w&#246;rd&#x2F;&#x1F600;")]
    [InlineData("p&amp;ss&#34;w&#xf6;rd&#X2f;&#128512;")]
    [InlineData("p\\x26ss\\x22w\\xf6rd\\x2f😀")]
    [InlineData("p&ss&quot;w%C3%B6rd\\/\\ud83d\\ude00")]
    public void AnEchoInAnyEscapingIsMasked(string echoed)
    {
        var known = new KnownSecrets([Secret]);

        Assert.Equal("[***]", SecretRedactor.Redact($"[{echoed}]", known));
    }

    [Theory]
    [InlineData("a\nb\tc\rd\be\ff'g\\h", "a\\nb\\tc\\rd\\be\\ff\\'g\\\\h")]
    [InlineData("it's <b>", "it&apos;s &lt;b&gt;")]
    [InlineData(" lead space", "+lead+space")]
    [InlineData(" lead space", "%20lead%20space")]
    [InlineData("100%sure", "100%25sure")]
    [InlineData("back\\slash", "back\\slash")]
    public void EscapesOfControlCharactersQuotesAndSpacesAreReadToo(string secret, string echoed)
    {
        var known = new KnownSecrets([secret]);

        Assert.Equal("<***>", SecretRedactor.Redact($"<{echoed}>", known));
    }

    [Theory]
    [InlineData("p%2Gss")]
    [InlineData("p%2")]
    [InlineData("p%")]
    [InlineData("p&;ss")]
    [InlineData("p&unknown;ss")]
    [InlineData("p&#xZZ;ss")]
    [InlineData("p&#;ss")]
    [InlineData("p&#55296;ss")]
    [InlineData("p&ampxxxxxxxxxx;ss")]
    [InlineData("p\\qss")]
    [InlineData("p\\u00")]
    [InlineData("p\\x2")]
    [InlineData("p\\")]
    [InlineData("p%C0%A6ss")]
    [InlineData("p%E2%82")]
    [InlineData("p%FFss")]
    [InlineData("p%C3%28ss")]
    [InlineData("p+ss")]
    public void TextThatOnlyResemblesAnEscapeOfTheSecretIsKept(string text)
    {
        var known = new KnownSecrets(["p&ss-value"]);

        Assert.Equal($"<{text}>", SecretRedactor.Redact($"<{text}>", known));
    }

    [Fact]
    public void TheShortestReadingEndsTheMask()
    {
        // "%25" reads both as "%" followed by "25" and as an escaped "%": the mask ends after the shorter reading.
        var known = new KnownSecrets(["abcde%"]);

        Assert.Equal("[***25]", SecretRedactor.Redact("[abcde%25]", known));
    }
}
