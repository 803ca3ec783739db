using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// Disposing a streamed page ends the call's bound: its timer stops, so the call no longer times out once its page
/// was put away; and a page disposed twice (a parser's <c>using</c> and the response's own disposal) hands the call's
/// pooled timeout source back once: were it pooled twice, two later calls would share one source, and one call's
/// timeout would cancel the other.
/// </summary>
public sealed class ResponseStreamDisposalTests
{
    // More than the pool holds, so every pooled source, the one given back included, is taken out below.
    private const int Rented = 300;

    [Fact]
    public async Task ADisposedStreamsBoundNoLongerRuns()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h.example/");
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[]", Encoding.UTF8, "application/json") };
        var stream = await ResponseStream.OpenAsync(request, response, TimeoutScope.Start(clock, TimeSpan.FromSeconds(5), CancellationToken.None), TimeSpan.FromSeconds(5), 1000, CancellationToken.None);

        stream.Dispose();
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.False(stream.TimedOut);
    }

    [Fact]
    public async Task AStreamDisposedTwiceLeavesNoTwoLaterCallsSharingATimeoutSource()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h.example/");
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[]", Encoding.UTF8, "application/json") };
        var stream = await ResponseStream.OpenAsync(request, response, TimeoutScope.Start(TimeProvider.System, TimeSpan.FromMinutes(5), CancellationToken.None), TimeSpan.FromMinutes(5), 1000, CancellationToken.None);

        stream.Dispose();
        stream.Dispose();

        var later = new List<TimeoutScope>();
        try
        {
            for (var call = 0; call < Rented; call++)
            {
                later.Add(TimeoutScope.StartUnarmed(TimeProvider.System, TimeSpan.FromMinutes(5), CancellationToken.None));
            }

            Assert.Equal(Rented, later.Select(scope => scope.Token).Distinct().Count());
        }
        finally
        {
            // Given back one by one only once all were taken, so no source is pooled twice by the test itself.
            foreach (var scope in later.DistinctBy(scope => scope.Token))
            {
                scope.Dispose();
            }
        }
    }
}
