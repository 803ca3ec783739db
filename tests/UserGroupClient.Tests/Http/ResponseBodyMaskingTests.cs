using System.Text;
using System.Text.Json;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>How a response body becomes what exceptions show and error mappers read: masked after decoding, then cut.</summary>
public sealed class ResponseBodyMaskingTests
{
    [Fact]
    public void ValuesUnderSecretKeysAreMaskedWholeAtAnyDepth()
    {
        const string body = """{"detail": "bad", "refresh_token": ["r1-value", "r2-value"], "data": {"password": {"old": "o-value", "new": ["n-value"]}, "HTTP_AUTHORIZATION": 42}}""";

        var masked = Mask(body);

        foreach (var secret in new[] { "r1-value", "r2-value", "o-value", "n-value", "42" })
        {
            Assert.DoesNotContain(secret, masked.Text, StringComparison.Ordinal);
        }

        var json = masked.Json!.Value;
        Assert.Equal("bad", json.GetProperty("detail").GetString());
        Assert.Equal(SecretRedactor.Mask, json.GetProperty("refresh_token").GetString());
        Assert.Equal(SecretRedactor.Mask, json.GetProperty("data").GetProperty("password").GetString());
        Assert.Equal(SecretRedactor.Mask, json.GetProperty("data").GetProperty("HTTP_AUTHORIZATION").GetString());
    }

    [Fact]
    public void EmptyValuesUnderSecretKeysAreKept()
    {
        const string body = """{"password": null, "token": "", "token_valid": false, "secrets": []}""";

        Assert.Equal(body, Mask(body).Text);
    }

    [Fact]
    public void ABodyWithNothingToMaskIsShownAsSent()
    {
        const string body = "{ \"code\" : \"999\",\n  \"msg\": \"User group g1 already exists.\", \"stacktrace\": \"at a.b(C.java:1)\\n\" }";

        var masked = Mask(body);

        Assert.Equal(body, masked.Text);
        Assert.Equal("999", masked.Json!.Value.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{"detail": "password Summer\"2024! is wrong"}""")]
    [InlineData("""{"detail": "password Summer\u00222024! is wrong"}""")]
    [InlineData("""{"detail": "password Summer%222024%21 is wrong"}""")]
    [InlineData("""{"errors": [{"message": "password Summer\"2024! is wrong"}]}""")]
    [InlineData("""{"Summer\"2024!": ["is wrong"]}""")]
    public void AKnownSecretIsMaskedAfterTheJsonIsDecoded(string body)
    {
        var masked = Mask(body, new KnownSecrets(["Summer\"2024!"]));

        Assert.DoesNotContain("Summer", masked.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Summer", masked.Json!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Summer", Strings(masked.Json.Value), StringComparison.Ordinal);
    }

    [Fact]
    public void AShortKnownSecretIsMaskedAsAWholeValueButNotInProse()
    {
        const string body = """{"msg": "user admin was refused", "tried": "admin", "pin": 1234, "group": "admins"}""";

        var masked = Mask(body, new KnownSecrets(["admin", "1234"]));

        var json = masked.Json!.Value;
        Assert.Equal("user admin was refused", json.GetProperty("msg").GetString());
        Assert.Equal(SecretRedactor.Mask, json.GetProperty("tried").GetString());
        Assert.Equal(SecretRedactor.Mask, json.GetProperty("pin").GetString());
        Assert.Equal("admins", json.GetProperty("group").GetString());
    }

    [Fact]
    public void JsonTextInsideAStringIsMaskedStructurally()
    {
        const string body = """{"error": "invalid_request", "error_description": "{\"client_secret\": [\"s1-value\", \"s2-value\"], \"grant_type\": \"x\"}"}""";

        var masked = Mask(body);

        Assert.DoesNotContain("s1-value", masked.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("s2-value", masked.Text, StringComparison.Ordinal);
        Assert.Equal("invalid_request", masked.Json!.Value.GetProperty("error").GetString());
        Assert.Contains("grant_type", masked.Json.Value.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnOAuthCodeIsMaskedButAnErrorCodeIsNot()
    {
        var masked = Mask("""{"error": "invalid_grant", "code": "a17452a4dec5dbb170b195cc3f49d774897f94c7"}""");
        var readable = Mask("""{"code": "authentication_failed", "detail": "x"}""");

        Assert.Equal(SecretRedactor.Mask, masked.Json!.Value.GetProperty("code").GetString());
        Assert.Equal("authentication_failed", readable.Json!.Value.GetProperty("code").GetString());
    }

    [Fact]
    public void ATextBodyIsMaskedBeforeItIsCut()
    {
        const string token = "tok-0123456789abcdef0123456789abcdef";
        var text = new string('x', ResponseBodyReader.MaxBytes - 10) + token + new string('y', 100);

        var masked = ResponseBodyReader.MaskBody(Encoding.UTF8.GetBytes(text), complete: true, new KnownSecrets([token]));

        Assert.DoesNotContain("tok-", masked.Text, StringComparison.Ordinal);
        Assert.False(masked.IsWhole);
        Assert.EndsWith("…[truncated]", masked.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AJsonBodyLargerThanWhatIsKeptIsStillReadForTheMapper()
    {
        var body = $$"""{"code": "999", "msg": "g1 already exists", "stacktrace": "{{new string('s', 3 * ResponseBodyReader.MaxBytes)}}", "password": "p-value"}""";

        var masked = Mask(body);

        Assert.False(masked.IsWhole);
        Assert.Equal("g1 already exists", masked.Json!.Value.GetProperty("msg").GetString());
        Assert.Equal(SecretRedactor.Mask, masked.Json.Value.GetProperty("password").GetString());
    }

    [Fact]
    public void AJsonBodyWithAStringNoTextCanHoldIsMaskedAsText()
    {
        var masked = Mask("""{"detail": "\ud800 lone", "password": "p-value"}""");

        Assert.Null(masked.Json);
        Assert.DoesNotContain("p-value", masked.Text, StringComparison.Ordinal);
        Assert.Contains("lone", masked.Text, StringComparison.Ordinal);
    }

    private static MaskedBody Mask(string body, KnownSecrets? known = null) =>
        ResponseBodyReader.MaskBody(Encoding.UTF8.GetBytes(body), complete: true, known);

    private static string Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => string.Join(" ", element.EnumerateObject().Select(p => p.Name + " " + Strings(p.Value))),
        JsonValueKind.Array => string.Join(" ", element.EnumerateArray().Select(Strings)),
        JsonValueKind.String => element.GetString()!,
        _ => element.GetRawText(),
    };
}
