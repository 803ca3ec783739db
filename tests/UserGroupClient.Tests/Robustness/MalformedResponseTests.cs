using System.Net;
using System.Net.Http.Headers;
using System.Text;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Robustness;

/// <summary>
/// Answers no client should choke on, served to every dialect and both Owl facades: truncated JSON, HTML pages, JSON
/// of the wrong types and shapes, and 50 MB bodies. Each ends in <see cref="UserGroupApiException"/> (never a bare
/// JsonException, NullReferenceException or InvalidCastException) with its response body capped, and
/// <see cref="UserGroupClientOptions.MaxResponseContentBytes"/> stops a large body early.
/// </summary>
public sealed class MalformedResponseTests
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;

    /// <summary>The most an exception's <see cref="UserGroupApiException.ResponseBody"/> may hold: 8 KiB and the truncation mark.</summary>
    private const int BodyCap = (8 * 1024) + 16;

    private static readonly Dictionary<string, Func<HttpResponseMessage>> Malformed = new()
    {
        ["truncated JSON"] = () => StubHandler.Json(HttpStatusCode.OK, """{"id": "1", "name": "o"""),
        ["truncated list"] = () => StubHandler.Json(HttpStatusCode.OK, """{"count": 3, "results": [{"id": "1", "na"""),
        ["empty body"] = () => StubHandler.Json(HttpStatusCode.OK, ""),
        ["HTML 200"] = () => StubHandler.Text(HttpStatusCode.OK, "<!DOCTYPE html><html><body><h1>Sign in</h1></body></html>"),
        ["HTML 502"] = () => StubHandler.Text(HttpStatusCode.BadGateway, "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"),
        ["HTML labelled as JSON"] = () => StubHandler.Json(HttpStatusCode.OK, "<html><body>maintenance</body></html>"),
        ["JSON null"] = () => StubHandler.Json(HttpStatusCode.OK, "null"),
        ["JSON number"] = () => StubHandler.Json(HttpStatusCode.OK, "42"),
        ["JSON string"] = () => StubHandler.Json(HttpStatusCode.OK, "\"ok\""),
        ["JSON array"] = () => StubHandler.Json(HttpStatusCode.OK, "[1, 2, 3]"),
        ["every field the wrong type"] = () => StubHandler.Json(HttpStatusCode.OK, """{"id": true, "name": 5, "comment": [], "users": "x", "count": "many", "results": 7, "next": 1, "data": 3, "code": [], "msg": {}, "meta": "m", "objects": {}, "groups": "g"}"""),
        ["JumpServer page, wrong item types"] = () => StubHandler.Json(HttpStatusCode.OK, """{"count": 1, "next": null, "previous": null, "results": [{"id": 5, "name": null, "users": [7]}]}"""),
        ["JumpServer page of nulls"] = () => StubHandler.Json(HttpStatusCode.OK, """{"count": 1, "next": null, "previous": null, "results": [null]}"""),
        ["MinApp page, wrong meta"] = () => StubHandler.Json(HttpStatusCode.OK, """{"meta": {"total_count": "x", "limit": null}, "objects": [{"id": "a", "name": 1}]}"""),
        ["MinApp group without name"] = () => StubHandler.Json(HttpStatusCode.OK, """{"id": 47, "members": "none", "parent": "p"}"""),
        ["Kylin envelope, data of the wrong type"] = () => StubHandler.Json(HttpStatusCode.OK, """{"code": "000", "data": {"groups": 5}, "msg": ""}"""),
        ["Kylin envelope, names not strings"] = () => StubHandler.Json(HttpStatusCode.OK, """{"code": "000", "data": [1, null, {"name": "g"}], "msg": ""}"""),
        ["Kylin envelope, code a number"] = () => StubHandler.Json(HttpStatusCode.OK, """{"code": 0, "data": null, "msg": null}"""),
        ["Owl envelope, groups not objects"] = () => StubHandler.Json(HttpStatusCode.OK, """{"code": 200, "groups": [1, "two", null]}"""),
        ["Owl envelope, group fields wrong"] = () => StubHandler.Json(HttpStatusCode.OK, """{"code": 200, "groups": [{"id": "1", "name": {"x": 1}, "hosts": 3}]}"""),
        ["Owl envelope, code a string"] = () => StubHandler.Json(HttpStatusCode.OK, """{"code": "oops", "message": 5}"""),
        ["deeply nested"] = () => StubHandler.Json(HttpStatusCode.OK, new string('[', 5000) + new string(']', 5000)),
        ["error envelope, code a string"] = () => StubHandler.Json(HttpStatusCode.InternalServerError, """{"code": "E_INTERNAL", "message": "boom", "msg": 5, "detail": []}"""),
        ["error envelope, code an object"] = () => StubHandler.Json(HttpStatusCode.OK, """{"code": {"value": 500}, "message": null, "msg": ["x"]}"""),
        ["invalid UTF-8"] = () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([0x7B, 0x22, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } } },
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var dialect in StubbedDialect.Names)
        {
            foreach (var body in Malformed.Keys)
            {
                data.Add(dialect, body);
            }
        }

        return data;
    }

    public static TheoryData<string> Dialects() => new(StubbedDialect.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MalformedAnswersBecomeUserGroupApiExceptions(string dialect, string body)
    {
        using var stub = new StubbedDialect(dialect) { Respond = Malformed[body] };

        foreach (var (name, run) in stub.Reads())
        {
            var error = await ThrowsApiExceptionAsync(run, $"{dialect} {name} with {body}");
            Assert.True(error.ResponseBody is null || error.ResponseBody.Length <= BodyCap, $"{name}: a body of {error.ResponseBody?.Length} characters was kept");
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task AFiftyMegabyteBodyFailsAtTheLimitWithoutBeingReadToTheEnd(string dialect)
    {
        GeneratedBodyStream? body = null;
        using var stub = new StubbedDialect(dialect)
        {
            Respond = () => Generated(body = new GeneratedBodyStream("{\"id\": \"1\", \"name\": \"", (byte)'a', FiftyMegabytes, "\"}"), withLength: false),
        };
        var limit = new StubbedDialectOptions().MaxResponseContentBytes;

        foreach (var (name, run) in stub.Reads())
        {
            var error = await ThrowsApiExceptionAsync(run, $"{dialect} {name}");
            Assert.Contains("MaxResponseContentBytes", error.Message, StringComparison.Ordinal);
            Assert.InRange(error.ResponseBody!.Length, 1, BodyCap);
            Assert.InRange(body!.Delivered, limit, limit + (1024 * 1024));
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task AFiftyMegabyteBodyWithItsLengthAnnouncedIsRefusedUnread(string dialect)
    {
        GeneratedBodyStream? body = null;
        using var stub = new StubbedDialect(dialect)
        {
            Respond = () => Generated(body = new GeneratedBodyStream("{\"id\": \"1\", \"name\": \"", (byte)'a', FiftyMegabytes, "\"}"), withLength: true),
        };

        foreach (var (name, run) in stub.Reads())
        {
            var error = await ThrowsApiExceptionAsync(run, $"{dialect} {name}");
            Assert.Contains("MaxResponseContentBytes", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, body!.Delivered);
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task AFiftyMegabyteErrorPageIsReadOnlyAsFarAsNeeded(string dialect)
    {
        GeneratedBodyStream? body = null;
        using var stub = new StubbedDialect(dialect)
        {
            Respond = () =>
            {
                var response = Generated(body = new GeneratedBodyStream("<html><body><pre>", (byte)'x', FiftyMegabytes, "</pre></body></html>"), withLength: false);
                response.StatusCode = HttpStatusCode.InternalServerError;
                response.Content.Headers.ContentType = new MediaTypeHeaderValue("text/html");
                return response;
            },
        };

        foreach (var (name, run) in stub.Reads())
        {
            var error = await ThrowsApiExceptionAsync(run, $"{dialect} {name}");
            Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
            Assert.EndsWith("[truncated]", error.ResponseBody, StringComparison.Ordinal);
            Assert.InRange(error.ResponseBody!.Length, 8 * 1024, BodyCap);
            Assert.InRange(body!.Delivered, 1, 2 * 1024 * 1024);
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task TheLimitCanBeRaisedForLargeAnswers(string dialect)
    {
        GeneratedBodyStream? body = null;
        using var stub = new StubbedDialect(dialect, o => o.MaxResponseContentBytes = 64L * 1024 * 1024);

        // A valid list with 50 MB of insignificant whitespace in front: larger than the default limit, within the raised one.
        stub.Respond = () => Generated(body = new GeneratedBodyStream(string.Empty, (byte)' ', FiftyMegabytes, stub.EmptyList), withLength: false);

        await foreach (var group in stub.Service.ListGroupsAsync())
        {
            Assert.Fail($"the list is empty, yet {group.Id} came back");
        }

        Assert.Equal(body!.TotalLength, body.Delivered);
    }

    [Fact]
    public void TheLimitIsValidated()
    {
        var options = new StubbedDialectOptions { BaseAddress = new Uri("https://example.com"), MaxResponseContentBytes = 10 };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(nameof(UserGroupClientOptions.MaxResponseContentBytes), error.ParamName);
    }

    private static HttpResponseMessage Generated(GeneratedBodyStream stream, bool withLength)
    {
        var content = new StreamContent(stream, 64 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
        if (withLength)
        {
            content.Headers.ContentLength = stream.TotalLength;
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private static async Task<UserGroupApiException> ThrowsApiExceptionAsync(Func<Task> run, string what)
    {
        try
        {
            await run();
        }
        catch (UserGroupApiException error)
        {
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            return error;
        }
        catch (Exception other)
        {
            Assert.Fail($"{what}: {other.GetType().FullName} instead of a UserGroupApiException: {other}");
        }

        Assert.Fail($"{what}: succeeded");
        return null!;
    }

    /// <summary>The shared options with nothing dialect-specific, to read the defaults and the validation.</summary>
    private sealed class StubbedDialectOptions : UserGroupClientOptions;
}
