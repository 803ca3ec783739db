using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using UserGroupClient.Authentication;

namespace UserGroupClient.IntegrationTests.DependencyInjection;

/// <summary>RFC 9421 signing whose key id and key an application takes from its environment.</summary>
public sealed class HttpMessageSignatureEnvironmentTests
{
    [Fact]
    public async Task TheKeyIdAndTheKeyCanComeFromTheEnvironment()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var prefix = $"UGC_TEST_{Guid.NewGuid():N}_";
        string[] names = ["Signing__KeyId", "Signing__PrivateKeyBase64"];
        string[] values = ["gateway-key", Convert.ToBase64String(secret)];
        try
        {
            for (var i = 0; i < names.Length; i++)
            {
                Environment.SetEnvironmentVariable(prefix + names[i], values[i]);
            }

            var server = new VerifyingServer("gateway-key", secret);
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddEnvironmentVariables(prefix);
            builder.Services.AddHttpClient("signed")
                .AddHttpMessageSignature(builder.Configuration.GetSection("Signing"))
                .ConfigurePrimaryHttpMessageHandler(() => server);
            using var host = builder.Build();

            using var response = await host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("signed").GetAsync("https://gateway.example.com/groups");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([true], server.Verdicts);
        }
        finally
        {
            foreach (var name in names)
            {
                Environment.SetEnvironmentVariable(prefix + name, null);
            }
        }
    }

    /// <summary>A gateway that checks each request's signature with the shared key and answers 200.</summary>
    private sealed class VerifyingServer(string keyId, byte[] secret) : HttpMessageHandler
    {
        private readonly HttpMessageSignatureVerifier _verifier = new(new HttpMessageSignatureVerifierOptions
        {
            KeyResolver = id => id == keyId ? HttpMessageVerificationKeys.HmacSha256(secret) : null,
        });

        public List<bool> Verdicts { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Verdicts.Add((await _verifier.VerifyRequestAsync(request, cancellationToken)).IsValid);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
