using System.Net;
using System.Text.Json;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// The marks a request carries for the handlers, and what a mapper reads from an error body: a success must carry a
/// body unless the request is marked as allowing none (a required mark wins); a mark counts only when set to true;
/// a string field is read only from a JSON object body, and only when it is a string.
/// </summary>
public sealed class RequestMarkTests
{
    [Theory]
    [InlineData(null, null, true)]
    [InlineData(null, true, false)]
    [InlineData(null, false, true)]
    [InlineData(true, true, true)]
    [InlineData(false, true, false)]
    [InlineData(true, null, true)]
    [InlineData(false, false, true)]
    public void ASuccessMustCarryABodyUnlessTheRequestIsMarkedOptional(bool? required, bool? optional, bool requiresBody)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h.example/");
        if (required is { } r)
        {
            request.Options.Set(ApiRequestOptions.BodyRequiredKey, r);
        }

        if (optional is { } o)
        {
            request.Options.Set(ApiRequestOptions.BodyOptionalKey, o);
        }

        Assert.Equal(requiresBody, ApiRequestOptions.RequiresBody(request));
    }

    [Fact]
    public void AMarkCountsOnlyWhenSetToTrue()
    {
        using var unmarked = new HttpRequestMessage(HttpMethod.Put, "https://h.example/");
        using var unset = new HttpRequestMessage(HttpMethod.Put, "https://h.example/");
        using var marked = new HttpRequestMessage(HttpMethod.Put, "https://h.example/");
        unset.Options.Set(ApiRequestOptions.CreatesResourceKey, false);
        marked.Options.Set(ApiRequestOptions.CreatesResourceKey, true);

        Assert.False(ApiRequestOptions.Has(unmarked, ApiRequestOptions.CreatesResourceKey));
        Assert.False(ApiRequestOptions.Has(unset, ApiRequestOptions.CreatesResourceKey));
        Assert.True(ApiRequestOptions.Has(marked, ApiRequestOptions.CreatesResourceKey));
        Assert.False(ApiRequestOptions.Has(marked, ApiRequestOptions.StreamedResponseKey));
    }

    [Theory]
    [InlineData("""{"msg":"User group ops does not exist."}""", "User group ops does not exist.")]
    [InlineData("""{"msg":""}""", "")]
    [InlineData("""{"msg":999}""", null)]
    [InlineData("""{"msg":null}""", null)]
    [InlineData("""{"message":"x"}""", null)]
    [InlineData("""["msg"]""", null)]
    [InlineData("\"msg\"", null)]
    public void AStringFieldIsReadOnlyFromAnObjectAndOnlyWhenItIsAString(string json, string? expected)
    {
        var response = Response(JsonDocument.Parse(json).RootElement.Clone());

        Assert.Equal(expected, response.GetString("msg"));
    }

    [Fact]
    public void ABodyThatIsNotJsonHasNoFields() => Assert.Null(Response(null).GetString("msg"));

    [Fact]
    public void TheViewKeepsWhatItWasGiven()
    {
        var json = JsonDocument.Parse("{}").RootElement.Clone();

        var response = new ApiErrorResponse(HttpStatusCode.Conflict, "POST", new Uri("https://h.example/groups/"), "{}", json, TimeSpan.FromSeconds(3));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("POST", response.Method);
        Assert.Equal(new Uri("https://h.example/groups/"), response.RequestUri);
        Assert.Equal("{}", response.Body);
        Assert.Equal(JsonValueKind.Object, response.Json!.Value.ValueKind);
        Assert.Equal(TimeSpan.FromSeconds(3), response.RetryAfter);
    }

    private static ApiErrorResponse Response(JsonElement? json) =>
        new(HttpStatusCode.BadRequest, "GET", new Uri("https://h.example/"), json?.GetRawText() ?? "<html>", json, null);
}
