using System.Text;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// The edges of secret masking that decide whether a secret leaks or an ordinary value is lost: where a value is long
/// enough to be searched for, empty and touching finds, a secret only in a property name, a JSON document inside a
/// string inside a string, numbers, and values under <c>code</c> that are not authorization codes.
/// </summary>
public sealed class SecretMaskingEdgeTests
{
    [Fact]
    public void AKnownValueOfTheSearchedLengthIsMaskedInsideOtherTextAndAShorterOneIsNot()
    {
        var known = new KnownSecrets(["abcdef", "vwxyz"]);

        Assert.Equal("xx***xx xxvwxyzxx", SecretRedactor.Redact("xxabcdefxx xxvwxyzxx", known));
    }

    [Fact]
    public void EveryOccurrenceOfAKnownValueIsMasked()
    {
        var known = new KnownSecrets(["s3cr3t-value"]);

        Assert.Equal("a *** b *** c ***", SecretRedactor.Redact("a s3cr3t-value b s3cr3t-value c s3cr3t-value", known));
    }

    [Fact]
    public void KnownValuesNextToEachOtherBecomeOneMask()
    {
        var known = new KnownSecrets(["first-secret", "second-secret"]);

        Assert.Equal("[***]", SecretRedactor.Redact("[first-secretsecond-secret]", known));
    }

    [Fact]
    public void OverlappingFindsBecomeOneMask()
    {
        var known = new KnownSecrets(["abcdefgh", "efghijkl"]);

        Assert.Equal("<***>", SecretRedactor.Redact("<abcdefghijkl>", known));
    }

    [Fact]
    public void AnEmptyValueUnderASecretKeyInTextIsKept()
    {
        const string text = """{"password": "", "token": '', "user": "bob"}""";

        Assert.Equal(text, SecretRedactor.Redact(text));
    }

    [Fact]
    public void AListOrObjectUnderASecretKeyInTextIsMaskedWholeAsAString()
    {
        Assert.Equal("""{"tokens": "***", "user": "bob"}""", SecretRedactor.Redact("""{"tokens": ["t1", "t2"], "user": "bob"}"""));
        Assert.Equal("""{"credentials": "***", "user": "bob"}""", SecretRedactor.Redact("""{"credentials": {"a": 1}, "user": "bob"}"""));
        Assert.Equal("""{"pin_token": "***", "user": "bob"}""", SecretRedactor.Redact("""{"pin_token": 123456, "user": "bob"}"""));
    }

    [Fact]
    public void AnEmptyTextIsReturnedAsItIs() => Assert.Same(string.Empty, SecretRedactor.Redact(string.Empty, new KnownSecrets(["abcdef"])));

    [Fact]
    public void ATextWithNothingToMaskIsReturnedAsItIs()
    {
        const string text = "Group ops already exists.";

        Assert.Same(text, SecretRedactor.Redact(text, new KnownSecrets(["abcdef", "adm"])));
    }

    [Fact]
    public void AShortKnownValueAfterEachSchemeWordIsMasked()
    {
        var known = new KnownSecrets(["adm"]);

        Assert.Equal("Basic *** then Bearer ***, not adm", SecretRedactor.Redact("Basic adm then Bearer adm, not adm", known));
    }

    [Fact]
    public void AKnownSecretOnlyInAPropertyNameIsMasked()
    {
        var body = ResponseBodyReader.MaskBody(Encoding.UTF8.GetBytes("""{"s3cr3t-value-as-key": "is not a field"}"""), complete: true, new KnownSecrets(["s3cr3t-value-as-key"]));

        Assert.Equal("""{"***":"is not a field"}""", body.Text);
        Assert.True(body.Json!.Value.TryGetProperty(SecretRedactor.Mask, out _));
    }

    [Fact]
    public void ARepeatedPropertyNameIsMaskedEveryTime()
    {
        var body = ResponseBodyReader.MaskBody(
            Encoding.UTF8.GetBytes("""[{"s3cr3t-value-as-key": 1}, {"s3cr3t-value-as-key": 2}]"""), complete: true, new KnownSecrets(["s3cr3t-value-as-key"]));

        Assert.Equal("""[{"***":1},{"***":2}]""", body.Text);
    }

    [Fact]
    public void JsonUpToTwoStringsDeepIsMaskedStructurallyAndDeeperAsText()
    {
        var third = """{"a": 1, "password": "p4-value"}""";
        var second = "{\"password\": \"p3-value\", \"body\": " + Quote(third) + "}";
        var first = "{\"password\": \"p2-value\", \"body\": " + Quote(second) + "}";
        var outer = "{\"password\": \"p1-value\", \"body\": " + Quote(first) + "}";

        var body = ResponseBodyReader.MaskBody(Encoding.UTF8.GetBytes(outer), complete: true, null);

        var firstMasked = body.Json!.Value.GetProperty("body").GetString()!;
        var secondMasked = Body(firstMasked);
        Assert.StartsWith("""{"password":"***","body":""", firstMasked, StringComparison.Ordinal);
        Assert.StartsWith("""{"password":"***","body":""", secondMasked, StringComparison.Ordinal);
        Assert.Equal("""{"a": 1, "password": "***"}""", Body(secondMasked));
    }

    [Theory]
    [InlineData("""{"items": [], "total": 0}""")]
    [InlineData("""{"detail": "[not json]", "more": "{also not}"}""")]
    [InlineData("""{"detail": "{}", "list": " [ ] "}""")]
    public void TextThatOnlyLooksLikeJsonOrHoldsNothingIsKeptAsSent(string json)
    {
        var body = ResponseBodyReader.MaskBody(Encoding.UTF8.GetBytes(json), complete: true, new KnownSecrets(["s3cr3t-value"]));

        Assert.Equal(json, body.Text);
    }

    [Fact]
    public void ASecretKeyHoldingANumberOrANonEmptyListOrObjectIsMasked()
    {
        var body = ResponseBodyReader.MaskBody(
            Encoding.UTF8.GetBytes("""{"pin_token": 0, "tokens": [""], "secret": {"a": null}, "passwords": [], "cookie": {}}"""), complete: true, null);

        Assert.Equal("""{"pin_token":"***","tokens":"***","secret":"***","passwords":[],"cookie":{}}""", body.Text);
    }

    [Fact]
    public void OnlyAKnownNumberIsMasked()
    {
        var body = ResponseBodyReader.MaskBody(Encoding.UTF8.GetBytes("""{"pin": 482913, "count": 3}"""), complete: true, new KnownSecrets(["482913"]));

        Assert.Equal("""{"pin":"***","count":3}""", body.Text);
    }

    [Fact]
    public void NumbersAreKeptWhenNoSecretIsKnown()
    {
        const string json = """{"pin": 482913, "count": 3}""";

        Assert.Equal(json, ResponseBodyReader.MaskBody(Encoding.UTF8.GetBytes(json), complete: true, null).Text);
    }

    [Theory]
    [InlineData("""{"code": 500, "detail": "x"}""")]
    [InlineData("""{"id": "a17452a4dec5dbb170b195cc3f49d774", "detail": "x"}""")]
    [InlineData("""{"code": "abcdefghijklmnopqrstuvwxyz", "detail": "x"}""")]
    [InlineData("""{"code": "a1b2c3d4e5f6g7h", "detail": "x"}""")]
    public void ValuesThatAreNotAuthorizationCodesAreKept(string json)
    {
        var body = ResponseBodyReader.MaskBody(Encoding.UTF8.GetBytes(json), complete: true, null);

        Assert.Equal(json, body.Text);
        Assert.NotNull(body.Json);
    }

    [Fact]
    public void AnAuthorizationCodeUnderAnUpperCaseKeyIsMasked()
    {
        var body = ResponseBodyReader.MaskBody(Encoding.UTF8.GetBytes("""{"CODE": "a1b2c3d4e5f6g7h8"}"""), complete: true, null);

        Assert.Equal("""{"CODE":"***"}""", body.Text);
    }

    [Fact]
    public void AnEmptyStringIsNeverTakenForAKnownSecret()
    {
        const string json = """{"detail": "", "note": "x"}""";

        Assert.Equal(json, ResponseBodyReader.MaskBody(Encoding.UTF8.GetBytes(json), complete: true, new KnownSecrets(["adm"])).Text);
    }

    [Fact]
    public void SecretKeysAreRecognisedInAnyCaseAndAffix()
    {
        Assert.True(SecretKeys.IsSecret("X-Api-Key"));
        Assert.True(SecretKeys.IsSecret("SESSIONID"));
        Assert.True(SecretKeys.IsSecret("private_key_pem"));
        Assert.False(SecretKeys.IsSecret("username"));
        Assert.False(SecretKeys.IsSecret("session"));
    }

    [Fact]
    public void KnownSecretsIgnoreBlankAndRepeatedValues()
    {
        var known = new KnownSecrets(["abcdef", "", null, "abcdef", "adm"]);

        Assert.Equal(2, known.Count);
        known.Renew("token", null);
        known.Renew("token", string.Empty);
        Assert.Equal(2, known.Count);
        known.Renew("token", "abcdef");
        Assert.Equal(2, known.Count);
    }

    [Fact]
    public void AKnownValueIsOnlyAWholeValueWhenItSpansTheWholeText()
    {
        var known = new KnownSecrets(["adm", "abcdef"]);

        Assert.True(known.IsWholeValue("adm"));
        Assert.True(known.IsWholeValue("abcdef"));
        Assert.False(known.IsWholeValue("admin"));
        Assert.False(known.IsWholeValue("xadm"));
        Assert.False(known.IsWholeValue(string.Empty));
    }

    [Fact]
    public void AShortValueIsFoundAtAPositionOnlyAsAWholeWord()
    {
        var known = new KnownSecrets(["adm", "abcdef"]);

        Assert.Equal(10, known.FindShortAt("Bearer adm", 7));
        Assert.Equal(10, known.FindShortAt("Bearer adm.", 7));
        Assert.Equal(-1, known.FindShortAt("Bearer adm1", 7));
        Assert.Equal(-1, known.FindShortAt("Bearer abcdef", 7));
        Assert.Equal(-1, known.FindShortAt("Bearer xyz", 7));
    }

    private static string Body(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("body").GetString()!;

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
