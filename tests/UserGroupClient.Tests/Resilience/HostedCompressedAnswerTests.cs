using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// Under an application's own resilience handler (<c>UseResilienceHandler</c>) a compressed answer is decoded before
/// it is parsed, as under the SDK's resilience: the caller gets the group, not the bytes on the wire.
/// </summary>
public sealed class HostedCompressedAnswerTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string GroupJson = $$"""{"id":"{{GroupId}}","name":"ops","comment":"","users":[]}""";

    [Fact]
    public async Task AGzipAnswerArrivingLateIsDecoded()
    {
        var wire = new LateWire();
        var services = new ServiceCollection();
        services.AddJumpServerClient("ops", o =>
            {
                o.BaseAddress = new Uri("https://jms.example.com/");
                o.Credentials = JumpServerCredentials.Bearer("tok-8812");
            })
            .ConfigurePrimaryHttpMessageHandler(() => wire)
            .UseResilienceHandler(_ => new PassOn());
        await using var provider = services.BuildServiceProvider();

        var call = provider.GetRequiredKeyedService<JumpServerClient>("ops").UserGroups.GetAsync(GroupId);
        await wire.Asked.WaitAsync(TimeSpan.FromSeconds(30));

        // Answered here, so that the answer is decoded on this thread as it arrives.
        wire.Answer(Gzip(GroupJson));

        var group = await call.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("ops", group.Name);
    }

    private static HttpResponseMessage Gzip(string json)
    {
        using var buffer = new MemoryStream();
        using (var compressor = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            compressor.Write(Encoding.UTF8.GetBytes(json));
        }

        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(buffer.ToArray()) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        response.Content.Headers.TryAddWithoutValidation("Content-Encoding", "gzip");
        return response;
    }

    /// <summary>An application's pipeline that sends each request on once.</summary>
    private sealed class PassOn : DelegatingHandler;

    /// <summary>A wire that answers the one request it is sent when the test says so.</summary>
    private sealed class LateWire : HttpMessageHandler
    {
        private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<HttpResponseMessage> _answer = new();

        public Task Asked => _asked.Task;

        public void Answer(HttpResponseMessage response) => _answer.SetResult(response);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _asked.SetResult();
            return _answer.Task;
        }
    }
}
