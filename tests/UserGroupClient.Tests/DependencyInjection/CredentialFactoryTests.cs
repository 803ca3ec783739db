using UserGroupClient.Authentication;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;

namespace UserGroupClient.Tests.DependencyInjection;

/// <summary>
/// The credentials factories of every dialect: what would make every request fail is refused before anything is
/// sent, naming the argument; their text names the kind and never a secret; their secrets are what error texts mask.
/// </summary>
public sealed class CredentialFactoryTests
{
    private const string KeyId = "2a5b0e9c-1111-4222-8333-944455556666";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("tok en")]
    [InlineData("tok\ten")]
    [InlineData("tok\u0000")]
    public void ATokenThatIsBlankOrHoldsWhitespaceOrAControlIsRefused(string? token)
    {
        AssertRefused(() => JumpServerCredentials.Bearer(token!), "token");
        AssertRefused(() => JumpServerCredentials.PrivateToken(token!), "token");
        AssertRefused(() => MinAppCredentials.AccessToken(token!), "token");
        AssertRefused(() => OwlCredentials.Token(token!), "token");
    }

    [Fact]
    public void ATokenControlCharacterIsNamedAsSuch()
    {
        var refused = Assert.Throws<ArgumentException>(() => OwlCredentials.Token("tok\u0001en"));

        Assert.Equal("A token cannot contain whitespace or control characters. (Parameter 'token')", refused.Message);
        Assert.Equal(refused.Message, Assert.Throws<ArgumentException>(() => MinAppCredentials.AccessToken("tok\u0001en")).Message);
        Assert.Equal(refused.Message, Assert.Throws<ArgumentException>(() => JumpServerCredentials.Bearer("tok\u0001en")).Message);
    }

    [Fact]
    public void TokenProvidersAreRequired()
    {
        Assert.Throws<ArgumentNullException>(() => JumpServerCredentials.Bearer((ITokenProvider)null!));
        Assert.Throws<ArgumentNullException>(() => MinAppCredentials.AccessToken((ITokenProvider)null!));
        Assert.Throws<ArgumentNullException>(() => OwlCredentials.Token((ITokenProvider)null!));
        Assert.Throws<ArgumentNullException>(() => KylinCredentials.Bearer(null!));
    }

    [Theory]
    [InlineData(null, "pw")]
    [InlineData(" ", "pw")]
    [InlineData("admin", null)]
    [InlineData("admin", "")]
    public void APasswordLoginNeedsAUserNameAndAPassword(string? userName, string? password)
    {
        var argument = userName is null || userName.Trim().Length == 0 ? "userName" : "password";

        AssertRefused(() => JumpServerCredentials.Password(userName!, password!), argument);
        AssertRefused(() => OwlCredentials.Password(userName!, password!), argument);
    }

    [Fact]
    public void APasswordOfBlanksIsAPassword()
    {
        Assert.Equal("JumpServerCredentials.Password(admin, ***)", JumpServerCredentials.Password("admin", " ").ToString());
        Assert.Equal("OwlCredentials.Password(admin, ***)", OwlCredentials.Password("admin", " ").ToString());
        Assert.Equal("KylinCredentials.Basic(ADMIN, ***)", KylinCredentials.Basic("ADMIN", string.Empty).ToString());
    }

    [Theory]
    [InlineData(null, "KYLIN", "userName")]
    [InlineData("", "KYLIN", "userName")]
    [InlineData("AD:MIN", "KYLIN", "userName")]
    [InlineData("ADMIN", null, "password")]
    public void ABasicUserNameIsNonEmptyWithoutAColonAndThePasswordIsRequired(string? userName, string? password, string argument) =>
        AssertRefused(() => KylinCredentials.Basic(userName!, password!), argument);

    [Fact]
    public void ABasicUserNameWithAColonIsNamedAsSuch() =>
        Assert.Equal(
            "A Basic user name cannot contain ':'. (Parameter 'userName')",
            Assert.Throws<ArgumentException>(() => KylinCredentials.Basic("AD:MIN", "KYLIN")).Message);

    [Theory]
    [InlineData(null, "secret", "clientId")]
    [InlineData(" ", "secret", "clientId")]
    [InlineData("cid\n1", "secret", "clientId")]
    [InlineData("cid", null, "clientSecret")]
    [InlineData("cid", " ", "clientSecret")]
    public void MinAppClientCredentialsNeedAnIdWithoutControlsAndASecret(string? clientId, string? clientSecret, string argument) =>
        AssertRefused(() => MinAppCredentials.ClientCredentials(clientId!, clientSecret!), argument);

    [Fact]
    public void AMinAppClientIdControlIsNamedAsSuch() =>
        Assert.Equal(
            "A client id cannot contain control characters. (Parameter 'clientId')",
            Assert.Throws<ArgumentException>(() => MinAppCredentials.ClientCredentials("cid\u0001", "secret")).Message);

    [Fact]
    public void TheirTextNamesTheKindAndNoSecret()
    {
        Assert.Equal($"JumpServerCredentials.AccessKey({KeyId}, ***)", JumpServerCredentials.AccessKey(KeyId, "sk-8812").ToString());
        Assert.Equal("JumpServerCredentials.Bearer(***)", JumpServerCredentials.Bearer("tok-8812").ToString());
        Assert.Equal("JumpServerCredentials.PrivateToken(***)", JumpServerCredentials.PrivateToken("tok-8812").ToString());
        Assert.Equal("JumpServerCredentials.Password(admin, ***)", JumpServerCredentials.Password("admin", "pw-8812").ToString());
        Assert.Equal("KylinCredentials.Basic(ADMIN, ***)", KylinCredentials.Basic("ADMIN", "pw-8812").ToString());
        Assert.Equal("MinAppCredentials.ClientCredentials(cid-1, ***)", MinAppCredentials.ClientCredentials("cid-1", "cs-8812").ToString());
        Assert.Equal("MinAppCredentials.AccessToken(***)", MinAppCredentials.AccessToken("tok-8812").ToString());
        Assert.Equal("OwlCredentials.Password(root, ***)", OwlCredentials.Password("root", "pw-8812").ToString());
        Assert.Equal("OwlCredentials.Token(***)", OwlCredentials.Token("jwt-8812").ToString());
    }

    [Fact]
    public void TheirSecretsAreWhatErrorTextsMask()
    {
        Assert.Equal(["sk-8812"], JumpServerCredentials.AccessKey(KeyId, "sk-8812").Secrets);
        Assert.Equal(["tok-8812"], JumpServerCredentials.Bearer("tok-8812").Secrets);
        Assert.Equal(["tok-8812"], JumpServerCredentials.PrivateToken("tok-8812").Secrets);
        Assert.Equal(["pw-8812"], JumpServerCredentials.Password("admin", "pw-8812").Secrets);
        Assert.Equal(["pw-8812", "QURNSU46cHctODgxMg=="], KylinCredentials.Basic("ADMIN", "pw-8812").Secrets);
        Assert.Equal(["cs-8812"], MinAppCredentials.ClientCredentials("cid-1", "cs-8812").Secrets);
        Assert.Equal(["tok-8812"], MinAppCredentials.AccessToken("tok-8812").Secrets);
        Assert.Equal(["pw-8812"], OwlCredentials.Password("root", "pw-8812").Secrets);
        Assert.Equal(["jwt-8812"], OwlCredentials.Token("jwt-8812").Secrets);
    }

    [Theory]
    [InlineData("(request-target) date content-type", "JumpServer cannot verify signatures over 'content-type' or 'content-length' (it answers 500).")]
    [InlineData("(request-target) date content-length", "JumpServer cannot verify signatures over 'content-type' or 'content-length' (it answers 500).")]
    [InlineData("(request-target) date (created)", "JumpServer cannot verify '(created)' or '(expires)' (it answers 500).")]
    [InlineData("(request-target) date (expires)", "JumpServer cannot verify '(created)' or '(expires)' (it answers 500).")]
    [InlineData("(request-target) accept", "JumpServer requires '(request-target)' and 'date' among the signed headers.")]
    [InlineData("date accept", "JumpServer requires '(request-target)' and 'date' among the signed headers.")]
    public void AccessKeyHeadersTheServerCannotVerifyAreRefusedSayingWhy(string headers, string message)
    {
        var refused = Assert.Throws<ArgumentException>(() => JumpServerCredentials.AccessKey(KeyId, "sk-8812", headers.Split(' ')));

        Assert.Equal($"{message} (Parameter 'signedHeaders')", refused.Message);
    }

    [Fact]
    public void AccessKeyHeadersWithoutTheOrganizationAreTheCallersChoice() =>
        Assert.Equal($"JumpServerCredentials.AccessKey({KeyId}, ***)", JumpServerCredentials.AccessKey(KeyId, "sk-8812", ["(request-target)", "date"]).ToString());

    [Theory]
    [InlineData("my-key")]
    [InlineData("2a5b0e9c111142228333944455556666")]
    [InlineData("{2a5b0e9c-1111-4222-8333-944455556666}")]
    public void AnAccessKeyIdIsAUuidInItsDashedForm(string keyId)
    {
        var refused = Assert.Throws<ArgumentException>(() => JumpServerCredentials.AccessKey(keyId, "sk-8812"));

        Assert.Equal("A JumpServer Access Key id is a UUID such as 2a5b0e9c-1111-4222-8333-944455556666. (Parameter 'keyId')", refused.Message);
    }

    [Fact]
    public void ASignerIsRequiredAndMustBeOneJumpServerVerifies()
    {
        Assert.Throws<ArgumentNullException>(() => JumpServerCredentials.Signature(KeyId, null!));
        using var ed25519 = HttpMessageSigners.Ed25519(new byte[32]);

        var refused = Assert.Throws<ArgumentException>(() => JumpServerCredentials.Signature(KeyId, ed25519));

        Assert.Equal("signer", refused.ParamName);
        Assert.StartsWith("JumpServer verifies Access Key signatures with hmac-sha256, hmac-sha512, hmac-sha1 only; a ed25519 signer would send algorithm", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASignerOfTheApplicationsHoldsNoSecretOfTheClients()
    {
        using var signer = HttpMessageSigners.HmacSha256("sk-8812"u8.ToArray());

        var credentials = JumpServerCredentials.Signature(KeyId, signer);

        Assert.Equal($"JumpServerCredentials.Signature({KeyId}, ***)", credentials.ToString());
        Assert.Empty(credentials.Secrets);
    }

    [Fact]
    public void TokenProviderCredentialsHoldNoSecretAndSayWhereTokensComeFrom()
    {
        var tokens = new NoTokens();

        Assert.Equal("JumpServerCredentials.Bearer(token provider)", JumpServerCredentials.Bearer(tokens).ToString());
        Assert.Equal("MinAppCredentials.AccessToken(token provider)", MinAppCredentials.AccessToken(tokens).ToString());
        Assert.Equal("OwlCredentials.Token(token provider)", OwlCredentials.Token(tokens).ToString());
        Assert.Equal("KylinCredentials.Bearer(token provider)", KylinCredentials.Bearer(tokens).ToString());
        Assert.Empty(JumpServerCredentials.Bearer(tokens).Secrets);
        Assert.Empty(MinAppCredentials.AccessToken(tokens).Secrets);
        Assert.Empty(OwlCredentials.Token(tokens).Secrets);
        Assert.Empty(KylinCredentials.Bearer(tokens).Secrets);
    }

    private static void AssertRefused(Func<object> create, string argument)
    {
        var refused = Assert.ThrowsAny<ArgumentException>(() => create());

        Assert.Equal(argument, refused.ParamName);
    }

    private sealed class NoTokens : ITokenProvider
    {
        public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default) => throw new InvalidOperationException("Not asked in these tests.");

        public ValueTask<AccessToken> RefreshTokenAsync(AccessToken rejected, CancellationToken cancellationToken = default) => throw new InvalidOperationException("Not asked in these tests.");
    }
}
