using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace UserGroupClient.Benchmarks.Raw;

/// <summary>
/// The baseline: what a careful user writes with <see cref="HttpClient"/> and source-generated System.Text.Json alone.
/// The same request as the SDK's (method, path, Accept, X-JMS-ORG, Authorization), headers-first, parsed from the stream.
/// </summary>
internal sealed class RawJumpServer
{
    private readonly HttpClient _client;
    private readonly string _organizationId;
    private readonly AuthenticationHeaderValue _authorization;

    public RawJumpServer(HttpClient client, string token, string organizationId)
    {
        _client = client;
        _organizationId = organizationId;
        _authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task<RawGroup> GetGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        using var request = Request($"api/v1/users/groups/{Uri.EscapeDataString(groupId)}/");
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, RawJsonContext.Default.RawGroup, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The group is JSON null.");
    }

    public async Task<RawPage> ListGroupsAsync(int limit, int offset, CancellationToken cancellationToken = default)
    {
        using var request = Request(string.Create(CultureInfo.InvariantCulture, $"api/v1/users/groups/?limit={limit}&offset={offset}"));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, RawJsonContext.Default.RawPage, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The page is JSON null.");
    }

    /// <summary>The length of one page as the server sends it.</summary>
    public async Task<long> PageBytesAsync(int limit, CancellationToken cancellationToken = default)
    {
        using var request = Request(string.Create(CultureInfo.InvariantCulture, $"api/v1/users/groups/?limit={limit}&offset=0"));
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false)).LongLength;
    }

    private HttpRequestMessage Request(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("X-JMS-ORG", _organizationId);
        request.Headers.Authorization = _authorization;
        return request;
    }
}
