using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UserGroupClient.Authentication;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Authentication;

namespace UserGroupClient.Tests.DependencyInjection;

/// <summary>
/// RFC 9421 signing set up from configuration: the key id, a PEM or Base64 key and the handler's settings sign requests
/// the verifier accepts, on any HttpClient and on a user-group client; what cannot be used fails at registration naming
/// its key, never quoting the key.
/// </summary>
public sealed class HttpMessageSignatureConfigurationTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";

    [Fact]
    public async Task APemKeyAndTheHandlersSettingsFromConfigurationSignWhatTheVerifierAccepts()
    {
        var section = Section(
            ("KeyId", "test-key-ed25519"),
            ("Algorithm", "ed25519"),
            ("PrivateKeyPem", Rfc9421Vectors.Key("test-key-ed25519.priv.pem")),
            ("Components:0", "@method"),
            ("Components:1", "@authority"),
            ("Components:2", "@path"),
            ("Components:3", "content-digest"),
            ("AddContentDigest", "true"),
            ("ContentDigestAlgorithm", "sha512"),
            ("Label", "app"),
            ("IncludeAlgorithm", "true"),
            ("Expires", "00:05:00"),
            ("Tag", "user-groups"));
        var server = new VerifyingServer("test-key-ed25519", "app");
        var services = new ServiceCollection();
        services.AddHttpClient("signed").AddHttpMessageSignature(section).ConfigurePrimaryHttpMessageHandler(() => server);
        await using var provider = services.BuildServiceProvider();

        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("signed");
        using var response = await client.PostAsync("https://api.example.com/groups", new StringContent("""{"name":"ops"}""", Encoding.UTF8, "application/json"));

        var received = Assert.Single(server.Received);
        Assert.True(received.Result.IsValid, received.Result.ToString());
        Assert.StartsWith("app=(\"@method\" \"@authority\" \"@path\" \"content-digest\");created=", received.SignatureInput, StringComparison.Ordinal);
        Assert.Contains(";alg=\"ed25519\"", received.SignatureInput, StringComparison.Ordinal);
        Assert.Contains(";tag=\"user-groups\"", received.SignatureInput, StringComparison.Ordinal);
        Assert.Equal(300, received.Expires - received.Created);
        Assert.StartsWith("sha-512=:", received.ContentDigest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyIdAndABase64KeyAloneSignWithTheHandlersDefaults()
    {
        var (algorithm, received) = await SignOneGetWithTheSharedSecretAsync();

        Assert.True(received.Result.IsValid, received.Result.ToString());
        Assert.Equal("hmac-sha256", algorithm);
        Assert.StartsWith("sig1=(\"@method\" \"@authority\" \"@path\" \"@query\");created=", received.SignatureInput, StringComparison.Ordinal);
        Assert.DoesNotContain("expires", received.SignatureInput, StringComparison.Ordinal);
        Assert.Null(received.ContentDigest);
    }

    [Fact]
    public async Task AUserGroupClientSignsEachCallWithTheConfiguredKey()
    {
        var section = Section(("KeyId", "test-key-ecc-p256"), ("Algorithm", "ecdsa-p256-sha256"), ("PrivateKeyPem", Rfc9421Vectors.Key("test-key-ecc-p256.priv.pem")));
        var server = new VerifyingServer("test-key-ecc-p256", "sig1", $$"""{"id":"{{GroupId}}","name":"ops","comment":"","users":[]}""");
        var services = new ServiceCollection();
        services.AddJumpServerClient("ops", o =>
            {
                o.BaseAddress = new Uri("https://jms.example.com/");
                o.Credentials = JumpServerCredentials.PrivateToken("tok-8812");
            })
            .ConfigurePrimaryHttpMessageHandler(() => server)
            .AddHttpMessageSignature(section);
        await using var provider = services.BuildServiceProvider();

        var group = await provider.GetRequiredKeyedService<JumpServerClient>("ops").UserGroups.GetAsync(GroupId);

        Assert.Equal("ops", group.Name);
        var received = Assert.Single(server.Received);
        Assert.True(received.Result.IsValid, received.Result.ToString());
        Assert.Equal("Token tok-8812", received.Authorization);
    }

    [Fact]
    public async Task TheSigningTimeIsLeftOutWhenConfiguredSo()
    {
        var (_, received) = await SignOneGetWithTheSharedSecretAsync(("IncludeCreated", "false"));

        Assert.Equal("sig1=(\"@method\" \"@authority\" \"@path\" \"@query\");keyid=\"test-shared-secret\"", received.SignatureInput);
    }

    [Fact]
    public void NoSectionOrNoBuilderIsRefusedBeforeAnythingIsRead()
    {
        var invalid = Section(("KeyId", "k"));

        Assert.Throws<ArgumentNullException>(() => ((IConfigurationSection)null!).GetHttpMessageSignatureOptions());
        Assert.Throws<ArgumentNullException>(() => ((IHttpClientBuilder)null!).AddHttpMessageSignature(invalid));
    }

    [Theory]
    [InlineData("KeyId", null, "HTTP message signature settings: Signing:KeyId is required.")]
    [InlineData("AddContentDigest", "yes", "HTTP message signature settings: Signing:AddContentDigest is not true or false.")]
    [InlineData("IncludeCreated", "1", "HTTP message signature settings: Signing:IncludeCreated is not true or false.")]
    [InlineData("Expires", "five minutes", "HTTP message signature settings: Signing:Expires is not a time span (such as 00:05:00).")]
    [InlineData("ContentDigestAlgorithm", "md5", "HTTP message signature settings: Signing:ContentDigestAlgorithm is not one of Sha256, Sha512.")]
    [InlineData("ContentDigestAlgorithm", "7", "HTTP message signature settings: Signing:ContentDigestAlgorithm is not one of Sha256, Sha512.")]
    [InlineData("Algorithm", "hmac-md5", "HTTP message signature settings: Signing:Algorithm is not one of hmac-sha256, ed25519, ecdsa-p256-sha256, rsa-pss-sha512, rsa-v1_5-sha256.")]
    [InlineData("PrivateKeyBase64", null, "HTTP message signature settings: Exactly one of Signing:PrivateKeyPem and Signing:PrivateKeyBase64 is required.")]
    [InlineData("Components:0:Name", "@method", "HTTP message signature settings: Signing:Components:0 is not a component identifier.")]
    [InlineData("Components:0", "", "HTTP message signature settings: Signing:Components:0 is not a component identifier.")]
    [InlineData("Components:0", "@body", "HTTP message signature settings: Signing: '@body' is not a derived component this SDK knows. (Parameter 'options')")]
    [InlineData("Label", "Not A Label", "HTTP message signature settings: Signing: The label must be a structured-field key")]
    [InlineData("Expires", "00:00:00.5", "HTTP message signature settings: Signing: Expires must be at least one second.")]
    public void WhatCannotBeUsedFailsAtRegistrationNamingItsKey(string key, string? value, string message)
    {
        var secret = Convert.ToBase64String(Rfc9421Vectors.SharedSecret());
        var settings = new Dictionary<string, string?>
        {
            ["Signing:KeyId"] = "test-shared-secret",
            ["Signing:PrivateKeyBase64"] = secret,
            ["Signing:" + key] = value,
        };
        var section = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Signing");

        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddHttpClient("signed").AddHttpMessageSignature(section));

        Assert.True(error.Message.StartsWith(message, StringComparison.Ordinal), error.Message);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyOfAnotherAlgorithmIsRefusedWithoutQuotingIt()
    {
        var pem = Rfc9421Vectors.Key("test-key-rsa.priv.pem");
        var section = Section(("KeyId", "k"), ("Algorithm", "ed25519"), ("PrivateKeyPem", pem));

        var error = Assert.Throws<ArgumentException>(() => section.GetHttpMessageSignatureOptions());

        Assert.Equal("HTTP message signature settings: Signing:PrivateKeyPem is not a valid ed25519 private key.", error.Message);
    }

    // A GET with a query through a handler made from the section of the shared example key plus the given settings.
    private static async Task<(string Algorithm, Received Received)> SignOneGetWithTheSharedSecretAsync(params (string Key, string Value)[] settings)
    {
        var options = Section([("KeyId", "test-shared-secret"), ("PrivateKeyBase64", Convert.ToBase64String(Rfc9421Vectors.SharedSecret())), .. settings])
            .GetHttpMessageSignatureOptions();
        using var signer = options.Signer;
        var server = new VerifyingServer("test-shared-secret", "sig1");
        using var invoker = new HttpMessageInvoker(new HttpMessageSignatureHandler(options) { InnerHandler = server });

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/groups?page=2"), CancellationToken.None);

        return (signer.Algorithm, Assert.Single(server.Received));
    }

    private static IConfigurationSection Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(value => new KeyValuePair<string, string?>("Signing:" + value.Key, value.Value)))
            .Build()
            .GetSection("Signing");

    /// <summary>A server that verifies each request's signature with the published key and answers 200.</summary>
    private sealed class VerifyingServer(string keyId, string label, string answer = "{}") : HttpMessageHandler
    {
        private readonly HttpMessageSignatureVerifier _verifier = new(new HttpMessageSignatureVerifierOptions
        {
            KeyResolver = id => id == keyId ? Rfc9421Vectors.VerificationKey(keyId) : null,
            Label = label,
        });

        public List<Received> Received { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var result = await _verifier.VerifyRequestAsync(request, cancellationToken);
            var input = request.Headers.GetValues("Signature-Input").Single();
            Received.Add(new Received(
                result,
                input,
                Parameter(input, "created"),
                Parameter(input, "expires"),
                request.Headers.TryGetValues("Content-Digest", out var digest) ? digest.Single() : null,
                request.Headers.Authorization?.ToString()));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }

        private static long Parameter(string input, string name)
        {
            var start = input.IndexOf($";{name}=", StringComparison.Ordinal);
            if (start < 0)
            {
                return 0;
            }

            var digits = input[(start + name.Length + 2)..].TakeWhile(char.IsAsciiDigit).ToArray();
            return long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private sealed record Received(HttpMessageSignatureVerificationResult Result, string SignatureInput, long Created, long Expires, string? ContentDigest, string? Authorization);
}
