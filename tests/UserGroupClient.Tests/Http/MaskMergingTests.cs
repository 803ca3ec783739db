using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// How finds of several rules in one text become masks: a value masked whole is shown as a JSON string, unless a find
/// that runs past it joins it, and then the joined range is one plain mask; a find inside another, or starting where
/// it starts and ending sooner, changes nothing;
/// a known secret at the very start of a text, or right after another occurrence, is found too.
/// </summary>
public sealed class MaskMergingTests
{
    [Fact]
    public void AKnownSecretEndingWhereAWholeValueEndsKeepsTheValuesStringMask()
    {
        var known = new KnownSecrets(["123456"]);

        Assert.Equal("""{"pin_token": "***", "user": "bob"}""", SecretRedactor.Redact("""{"pin_token": x123456, "user": "bob"}""", known));
    }

    [Fact]
    public void AKnownSecretStartingWhereAWholeValueStartsKeepsTheValuesStringMask()
    {
        var known = new KnownSecrets(["123456"]);

        Assert.Equal("""{"pin_token": "***", "user": "bob"}""", SecretRedactor.Redact("""{"pin_token": 123456x, "user": "bob"}""", known));
    }

    [Fact]
    public void AKnownSecretRunningPastAWholeValueJoinsItIntoOnePlainMask()
    {
        var known = new KnownSecrets(["12 cdef56"]);

        Assert.Equal("""{"pin_token": ***, "user": "bob"}""", SecretRedactor.Redact("""{"pin_token": ab12 cdef56, "user": "bob"}""", known));
    }

    [Fact]
    public void AFindInsideAnotherChangesNothing()
    {
        var known = new KnownSecrets(["abcdefghij", "cdefgh"]);

        Assert.Equal("<***> <***>", SecretRedactor.Redact("<abcdefghij> <cdefgh>", known));
    }

    [Fact]
    public void FindsWithAGapBetweenThemStayTwoMasks()
    {
        var known = new KnownSecrets(["abcdef", "ghijkl"]);

        Assert.Equal("***-***", SecretRedactor.Redact("abcdef-ghijkl", known));
    }

    [Fact]
    public void AKnownSecretIsFoundAtTheStartAndRightAfterItself()
    {
        var known = new KnownSecrets(["s3cr3t-value"]);

        Assert.Equal("*** tail", SecretRedactor.Redact("s3cr3t-values3cr3t-value tail", known));
        Assert.Equal("***", SecretRedactor.Redact("s3cr3t-value", known));
    }
}
