using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Authentication;

namespace UserGroupClient.Tests.Authentication;

/// <summary>What the RFC 9421 signing handler signs: the signature base of a request, line by line.</summary>
internal static class SignatureBases
{
    /// <summary>The signature base lines before <c>@signature-params</c>, for a request signed over the given components.</summary>
    public static async Task<string[]> LinesAsync(HttpRequestMessage request, IList<string> components)
    {
        using var signer = new RecordingSigner(HttpMessageSigners.HmacSha256([1, 2, 3]));
        using var handler = new HttpMessageSignatureHandler(new HttpMessageSignatureOptions
        {
            KeyId = "k",
            Signer = signer,
            Components = components,
            TimeProvider = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Rfc9421Vectors.Created)),
        })
        {
            InnerHandler = new CallbackHandler(_ => { }),
        };
        using var invoker = new HttpMessageInvoker(handler);
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();
        var lines = Assert.Single(signer.Bases).Split('\n');
        return lines[..^1];
    }
}
