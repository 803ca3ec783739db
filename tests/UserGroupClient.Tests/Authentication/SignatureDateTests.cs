using System.Globalization;
using System.Net;
using UserGroupClient.Authentication;

namespace UserGroupClient.Tests.Authentication;

/// <summary>
/// The <c>Date</c> an Access Key signature covers is the second the request is sent in, under the system clock too,
/// where the handler keeps the second's text without reading the wall clock until shortly before the second ends.
/// </summary>
public sealed class SignatureDateTests
{
    [Fact]
    public async Task EveryDateNamesTheSecondItsRequestWasSignedInAcrossSecondBoundaries()
    {
        using var handler = new HttpSignatureHandler(new HttpSignatureOptions
        {
            KeyId = "key",
            Signer = HttpMessageSigners.HmacSha256("0123456789abcdef0123456789abcdef"u8),
            Headers = ["(request-target)", "date"],
        })
        {
            InnerHandler = new AnswerAtOnce(),
        };
        using var invoker = new HttpMessageInvoker(handler);

        // Long enough to cross at least two second boundaries, where a kept text would go stale.
        var until = DateTimeOffset.UtcNow.AddSeconds(2.2);
        var signed = 0;
        while (DateTimeOffset.UtcNow < until)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://jms.example.com/api/v1/users/groups/");
            var before = Second(DateTimeOffset.UtcNow);
            using var response = await invoker.SendAsync(request, CancellationToken.None);
            var after = Second(DateTimeOffset.UtcNow);

            var date = DateTimeOffset.ParseExact(request.Headers.NonValidated["Date"].ToString(), "r", CultureInfo.InvariantCulture);
            Assert.InRange(date, before, after);
            Assert.Contains("signature=\"", request.Headers.NonValidated["Authorization"].ToString(), StringComparison.Ordinal);
            signed++;
        }

        Assert.True(signed > 100, $"only {signed} requests were signed");
    }

    private static DateTimeOffset Second(DateTimeOffset time) => new(time.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private sealed class AnswerAtOnce : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
