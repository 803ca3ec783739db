using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using UserGroupClient.Tests.Http;

namespace UserGroupClient.Tests.Diagnostics;

/// <summary>
/// The headers an attempt's Debug event shows: only those of a fixed allow-list, whatever the case of their names
/// (one .NET knows, such as <c>X-Request-ID</c>, under its usual spelling, any other as it was sent), as <c>Name: value</c> joined by <c>; </c>, the request's and then its content's, the response's and then its
/// content's; a <c>Location</c> without its query and fragment. Every other header, credentials and cookies first,
/// is left out with its value.
/// </summary>
public sealed class LoggedHeaderTests
{
    private const string Secret = "s3cr3t-Zq9";

    [Theory]
    [InlineData("Accept", "application/json")]
    [InlineData("Accept-Language", "zh-CN")]
    [InlineData("User-Agent", "UserGroupClient/1.0")]
    [InlineData("X-JMS-ORG", "00000000-0000-0000-0000-000000000002")]
    [InlineData("X-Hydrogen-Env-ID", "env-7")]
    [InlineData("X-Request-ID", "req-42")]
    [InlineData("Date", "Thu, 01 Jan 2026 00:00:00 GMT")]
    [InlineData("Content-Type", "application/json")]
    [InlineData("Content-Length", "17")]
    public void AnAllowedRequestHeaderIsShown(string name, string value)
    {
        var logged = Logged(request => Put(request.Headers, request.Content!, name, value), _ => { });

        Assert.Equal(Message($"{name}: {value}", ""), logged);
    }

    [Theory]
    [InlineData("Date", "Thu, 01 Jan 2026 00:00:00 GMT")]
    [InlineData("Retry-After", "120")]
    [InlineData("Location", "https://jms.example.com/core/auth/login/")]
    [InlineData("Server", "nginx")]
    [InlineData("X-Request-ID", "req-42")]
    [InlineData("X-JMS-ORG", "00000000-0000-0000-0000-000000000002")]
    [InlineData("Content-Type", "application/json; charset=utf-8")]
    [InlineData("Content-Length", "17")]
    public void AnAllowedResponseHeaderIsShown(string name, string value)
    {
        var logged = Logged(_ => { }, response => Put(response.Headers, response.Content, name, value));

        Assert.Equal(Message("", $"{name}: {value}"), logged);
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("Proxy-Authorization")]
    [InlineData("Cookie")]
    [InlineData("Signature")]
    [InlineData("Signature-Input")]
    [InlineData("Content-Digest")]
    [InlineData("Digest")]
    [InlineData("X-Api-Key")]
    [InlineData("X-Auth-Token")]
    [InlineData("X-Access-Token")]
    [InlineData("X-CSRFToken")]
    [InlineData("Token")]
    [InlineData("Referer")]
    [InlineData("Accept-Encoding")]
    [InlineData("Host")]
    [InlineData("X-Forwarded-For")]
    [InlineData("Content-Disposition")]
    public void ARequestHeaderOffTheListIsNotShownNorItsValue(string name)
    {
        var logged = Logged(request => Put(request.Headers, request.Content!, name, Secret), _ => { });

        Assert.Equal(Message("", ""), logged);
    }

    [Theory]
    [InlineData("Set-Cookie")]
    [InlineData("WWW-Authenticate")]
    [InlineData("Proxy-Authenticate")]
    [InlineData("Authentication-Info")]
    [InlineData("X-Auth-Token")]
    [InlineData("X-Access-Token")]
    [InlineData("Content-Location")]
    [InlineData("Refresh")]
    [InlineData("Link")]
    [InlineData("ETag")]
    [InlineData("Content-Encoding")]
    public void AResponseHeaderOffTheListIsNotShownNorItsValue(string name)
    {
        var logged = Logged(_ => { }, response => Put(response.Headers, response.Content, name, Secret));

        Assert.Equal(Message("", ""), logged);
    }

    [Fact]
    public void AnAllowedHeaderIsShownWhateverTheCaseOfItsNameAndARefusedOneIsNot()
    {
        var logged = Logged(
            request =>
            {
                request.Headers.TryAddWithoutValidation("x-jms-org", "org-1");
                request.Headers.TryAddWithoutValidation("AUTHORIZATION", "Bearer " + Secret);
                request.Headers.TryAddWithoutValidation("X-REQUEST-ID", "req-1");
                request.Headers.TryAddWithoutValidation("x-api-KEY", Secret);
                request.Headers.TryAddWithoutValidation("X-HYDROGEN-ENV-ID", "env-1");
            },
            response =>
            {
                response.Headers.TryAddWithoutValidation("set-COOKIE", "session=" + Secret);
                response.Headers.TryAddWithoutValidation("x-Request-ID", "req-2");
            });

        Assert.Equal(Message("x-jms-org: org-1; X-Request-ID: req-1; X-HYDROGEN-ENV-ID: env-1", "X-Request-ID: req-2"), logged);
    }

    [Fact]
    public void SeveralHeadersAreJoinedTheRequestsBeforeItsContentsAndEachValueWhole()
    {
        var logged = Logged(
            request =>
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Secret);
                request.Headers.TryAddWithoutValidation("Accept", ["application/json", "text/plain"]);
                request.Headers.TryAddWithoutValidation("Cookie", "csrftoken=" + Secret);
                request.Headers.TryAddWithoutValidation("X-JMS-ORG", "org-1");
                request.Content!.Headers.TryAddWithoutValidation("Content-Type", "application/json");
                request.Content.Headers.TryAddWithoutValidation("Content-Digest", "sha-256=:" + Secret + ":");
                request.Content.Headers.TryAddWithoutValidation("Content-Length", "17");
            },
            response =>
            {
                response.Headers.TryAddWithoutValidation("Set-Cookie", "sessionid=" + Secret);
                response.Headers.TryAddWithoutValidation("Server", "nginx");
                response.Headers.TryAddWithoutValidation("X-Request-ID", "a?b#c");
                response.Content.Headers.TryAddWithoutValidation("Content-Type", "text/html");
            });

        Assert.Equal(
            Message(
                "Accept: application/json, text/plain; X-JMS-ORG: org-1; Content-Type: application/json; Content-Length: 17",
                "Server: nginx; X-Request-ID: a?b#c; Content-Type: text/html"),
            logged);
    }

    [Theory]
    [InlineData("https://jms.example.com/callback?code=abc&state=xyz", "https://jms.example.com/callback?***")]
    [InlineData("https://jms.example.com/callback#access_token=abc", "https://jms.example.com/callback?***")]
    [InlineData("https://jms.example.com/callback#top?code=abc", "https://jms.example.com/callback?***")]
    [InlineData("/core/auth/login/?next=/api/v1/users/groups/", "/core/auth/login/?***")]
    [InlineData("?code=abc", "?***")]
    [InlineData("#access_token=abc", "?***")]
    [InlineData("/core/auth/login/", "/core/auth/login/")]
    public void ALocationIsShownWithoutItsQueryAndFragment(string location, string shown)
    {
        var logged = Logged(_ => { }, response => response.Headers.TryAddWithoutValidation("location", location));

        Assert.Equal(Message("", "Location: " + shown), logged);
    }

    [Fact]
    public void ARequestWithoutContentShowsItsOwnHeaders()
    {
        var logs = new LevelledLogs(LogLevel.Debug);
        using var request = Attempts.Get();
        request.Headers.TryAddWithoutValidation("X-JMS-ORG", "org-1");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Secret);
        using var response = new HttpResponseMessage(HttpStatusCode.NoContent);

        new Attempts("headers", logs).Answered(request, response, milliseconds: 1);

        Assert.Equal(
            "headers: attempt 1 GET /api/v1/users/groups/ answered 204 in 1.0 ms; request headers X-JMS-ORG: org-1; response headers ",
            Assert.Single(logs.Events).Message);
    }

    private static string Message(string requestHeaders, string responseHeaders) =>
        $"headers: attempt 1 POST /api/v1/users/groups/ answered 200 in 1.0 ms; request headers {requestHeaders}; response headers {responseHeaders}";

    /// <summary>The Debug event of one POST attempt whose request (with an empty body) and answer the test dresses.</summary>
    private static string Logged(Action<HttpRequestMessage> dressRequest, Action<HttpResponseMessage> dressResponse)
    {
        var logs = new LevelledLogs(LogLevel.Debug);
        using var request = new HttpRequestMessage(HttpMethod.Post, Attempts.Url + "?token=" + Secret) { Content = new ByteArrayContent([]) };
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        dressRequest(request);
        dressResponse(response);

        new Attempts("headers", logs).Answered(request, response, milliseconds: 1);

        var logged = Assert.Single(logs.Events);
        Assert.Equal(LogLevel.Debug, logged.Level);
        Assert.DoesNotContain(Secret, logged.Message, StringComparison.OrdinalIgnoreCase);
        return logged.Message;
    }

    /// <summary>Puts a header where its collection takes it: among the message's own headers or its content's.</summary>
    private static void Put(HttpHeaders headers, HttpContent content, string name, string value) =>
        Assert.True(headers.TryAddWithoutValidation(name, value) || content.Headers.TryAddWithoutValidation(name, value), $"neither collection takes {name}");
}
