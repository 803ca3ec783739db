namespace UserGroupClient.IntegrationTests.JumpServer;

/// <summary>
/// The last transport before the socket: keeps a copy of every request exactly as signed and sent, so a test can play
/// the part of someone who captured it and send it again.
/// </summary>
internal sealed class CapturingHandler() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
{
    private readonly List<CapturedRequest> _requests = [];

    public IReadOnlyList<CapturedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .Select(h => (h.Key, h.Value.ToArray()))
            .ToList();
        lock (_requests)
        {
            _requests.Add(new CapturedRequest(request.Method, request.RequestUri!, headers, body));
        }

        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>One request as it left the client: method, address, every header and the body bytes.</summary>
internal sealed record CapturedRequest(HttpMethod Method, Uri Uri, IReadOnlyList<(string Name, string[] Values)> Headers, byte[]? Body)
{
    /// <summary>Sends the request again, with <paramref name="headerChanges"/> replacing headers and <paramref name="body"/> the body.</summary>
    public async Task<HttpResponseMessage> ReplayAsync(IReadOnlyDictionary<string, string>? headerChanges = null, byte[]? body = null)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        using var request = new HttpRequestMessage(Method, Uri);
        var sentBody = body ?? Body;
        if (sentBody is not null)
        {
            request.Content = new ByteArrayContent(sentBody);
        }

        foreach (var (name, values) in Headers)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var sent = headerChanges is not null && headerChanges.TryGetValue(name, out var changed) ? [changed] : values;
            if (!request.Headers.TryAddWithoutValidation(name, sent))
            {
                request.Content!.Headers.TryAddWithoutValidation(name, sent);
            }
        }

        return await client.SendAsync(request);
    }
}
