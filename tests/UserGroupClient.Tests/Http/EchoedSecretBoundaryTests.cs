using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// Where an escaped echo of a known secret starts, ends and breaks off: an echo whose first character is escaped is
/// found, an escape that ends the body is read whole, each UTF-8 lead byte is read at the edges of its range, and text
/// that runs out, strays from the secret or holds a malformed escape is kept as it is.
/// </summary>
public sealed class EchoedSecretBoundaryTests
{
    [Theory]
    [InlineData("\\u0070&ss-value")]
    [InlineData("\\x70&ss-value")]
    [InlineData("%70%26ss-value")]
    [InlineData("&#112;&amp;ss-value")]
    public void AnEchoWhoseFirstCharacterIsEscapedIsMasked(string echoed)
    {
        var known = new KnownSecrets(["p&ss-value"]);

        Assert.Equal("[***]", SecretRedactor.Redact($"[{echoed}]", known));
    }

    [Theory]
    [InlineData("secret\n", "secret\\n")]
    [InlineData("secretA", "secret\\u0041")]
    [InlineData("secretA", "secret\\x41")]
    [InlineData("secretA", "secret%41")]
    [InlineData("secret\u00a9", "secret%C2%A9")]
    [InlineData("secret<", "secret&lt;")]
    [InlineData("secret\ud83d\ude00", "secret&#x1F600;")]
    public void AnEscapeThatEndsTheBodyIsReadWhole(string secret, string echoed)
    {
        var known = new KnownSecrets([secret]);

        Assert.Equal("echo: ***", SecretRedactor.Redact($"echo: {echoed}", known));
    }

    [Theory]
    [InlineData("\u0080", "%C2%80")]
    [InlineData("\u07ff", "%DF%BF")]
    [InlineData("\u0800", "%E0%A0%80")]
    [InlineData("\uffee", "%EF%BF%AE")]
    [InlineData("\ud800\udc00", "%F0%90%80%80")]
    [InlineData("\udbff\udfff", "%F4%8F%BF%BF")]
    public void EachUtf8LeadByteIsReadAtTheEdgesOfItsRange(string character, string encoded)
    {
        var known = new KnownSecrets([$"value{character}"]);

        Assert.Equal("[***]", SecretRedactor.Redact($"[value{encoded}]", known));
    }

    [Theory]
    [InlineData("echo: p&ss-val")]
    [InlineData("echo: p%26ss-val")]
    [InlineData("echo: p&amp;ss-val")]
    [InlineData("echo: p\\u0026ss")]
    public void ABodyThatEndsBeforeTheWholeSecretIsKept(string body)
    {
        var known = new KnownSecrets(["p&ss-value"]);

        Assert.Equal(body, SecretRedactor.Redact(body, known));
    }

    [Fact]
    public void TextThatStraysFromTheSecretAfterAnEscapeIsKept()
    {
        var known = new KnownSecrets(["p&ss-value"]);

        Assert.Equal("[p%xxxxxxxxxxxxxxxxx]", SecretRedactor.Redact("[p%xxxxxxxxxxxxxxxxx]", known));
    }

    [Fact]
    public void ACharacterThatIsNoEscapeIsNotReadAsTheOneBeforeIt()
    {
        // "&amp;" stands for one "&"; the "q" after it is no escape and must not stand for the second.
        var known = new KnownSecrets(["a&&qbcdef"]);

        Assert.Equal("[a&amp;qbcdef]", SecretRedactor.Redact("[a&amp;qbcdef]", known));
    }

    [Theory]
    [InlineData("[abcdef&#xZZ;]")]
    [InlineData("[abcdef%ZZ]")]
    public void AnEscapeWithoutHexDigitsIsNotReadAsANullCharacter(string text)
    {
        var known = new KnownSecrets(["abcdef\0"]);

        Assert.Equal(text, SecretRedactor.Redact(text, known));
        Assert.Equal("[***]", SecretRedactor.Redact("[abcdef&#0;]", known));
    }

    [Fact]
    public void AReferenceWhoseNameIsNeitherKnownNorNumericIsKept()
    {
        // "&a41;" is no reference: read as "&#41;" it would stand for ")".
        var known = new KnownSecrets(["abcdef)"]);

        Assert.Equal("[abcdef&a41;]", SecretRedactor.Redact("[abcdef&a41;]", known));
        Assert.Equal("[***]", SecretRedactor.Redact("[abcdef&#41;]", known));
    }

    [Fact]
    public void AnEchoNeedingMoreOpenReadingsThanTheBoundIsKeptWithoutFailing()
    {
        // Each "%25" reads both as "%" and as the start of "%25": forty of them open more readings than are kept.
        var known = new KnownSecrets([new string('%', 40)]);
        var body = $"[{string.Concat(Enumerable.Repeat("%25", 40))}]";

        Assert.Equal(body, SecretRedactor.Redact(body, known));
    }
}
