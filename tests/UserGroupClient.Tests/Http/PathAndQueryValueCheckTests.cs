using System.Net;
using System.Reflection;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// The two checks every Refit request passes whatever its interface: path and query values with a control character
/// are refused, and a request whose path lost or gained a segment against its route template is refused before it is sent.
/// </summary>
public sealed class PathAndQueryValueCheckTests
{
    private static readonly ICustomAttributeProvider NoAttributes = typeof(PathAndQueryValueCheckTests);

    [Theory]
    [InlineData("\u0000")]
    [InlineData("a\u001fb")]
    [InlineData("a\u007f")]
    [InlineData("line\r\nX-Injected: 1")]
    public void AValueWithAControlCharacterIsRefused(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => SafeUrlParameterFormatter.Instance.Format(value, NoAttributes, typeof(string)));

        Assert.Equal("A path or query value cannot hold control characters.", error.Message);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("ops team / ..")]
    [InlineData("~!\u0080運維")]
    [InlineData("")]
    public void AnyOtherTextIsPassedOnAsItIs(string value) =>
        Assert.Same(value, SafeUrlParameterFormatter.Instance.Format(value, NoAttributes, typeof(string)));

    [Fact]
    public void ValuesThatAreNotTextAreFormattedAsRefitFormatsThem()
    {
        Assert.Equal("42", SafeUrlParameterFormatter.Instance.Format(42, NoAttributes, typeof(int)));
        Assert.Equal("True", SafeUrlParameterFormatter.Instance.Format(true, NoAttributes, typeof(bool)));
        Assert.Null(SafeUrlParameterFormatter.Instance.Format(null, NoAttributes, typeof(string)));
    }

    [Fact]
    public void AFormattedValueWithAControlCharacterIsRefusedToo() =>
        Assert.Throws<ArgumentException>(() => SafeUrlParameterFormatter.Instance.Format(new Formatted("id\n"), NoAttributes, typeof(Formatted)));

    [Theory]
    [InlineData("https://h.example/", "/groups/{id}/", "https://h.example/groups/g/")]
    [InlineData("https://h.example/prefix/", "/groups/{id}/", "https://h.example/prefix/groups/g/")]
    [InlineData("https://h.example/a/b/", "/groups/{id}/users/{user}", "https://h.example/a/b/groups/g/users/u")]
    [InlineData("https://h.example/prefix/", "/groups/{id}/?path=a/b/c", "https://h.example/prefix/groups/g/?path=a/b/c")]
    [InlineData("https://h.example/prefix/", "/groups/?search={search}", "https://h.example/prefix/groups/?search=..%2F..")]
    public void ARequestWithTheSegmentsOfItsTemplateIsSent(string baseAddress, string template, string sent) =>
        new RouteCheck(new Uri(baseAddress)).Verify(Request(template, sent));

    [Theory]
    [InlineData("https://h.example/", "/groups/{id}/", "https://h.example/")]
    [InlineData("https://h.example/prefix/", "/groups/{id}/", "https://h.example/prefix/")]
    [InlineData("https://h.example/prefix/", "/groups/{id}/", "https://h.example/prefix/groups/a/b/")]
    [InlineData("https://h.example/prefix/", "/groups/{id}/?limit={limit}", "https://h.example/groups/g/?limit=1")]
    public void ARequestThatLostOrGainedASegmentIsRefused(string baseAddress, string template, string sent)
    {
        var request = Request(template, sent);

        var error = Assert.Throws<ArgumentException>(() => new RouteCheck(new Uri(baseAddress)).Verify(request));

        Assert.Equal(
            $"A path value of DELETE {template} is '.', '..' or holds a slash: {request.RequestUri!.AbsolutePath} names another resource. Nothing was sent.",
            error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/files/{**path}")]
    public void AWholeAddressOrACatchAllRouteIsNotCounted(string template) =>
        new RouteCheck(new Uri("https://h.example/prefix/")).Verify(Request(template, "https://other.example/x/y/z/"));

    [Fact]
    public void ARequestWithoutATemplateIsNotCounted() =>
        new RouteCheck(new Uri("https://h.example/prefix/")).Verify(new HttpRequestMessage(HttpMethod.Get, "https://h.example/"));

    private static HttpRequestMessage Request(string template, string uri)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, uri);
        request.Options.Set(new HttpRequestOptionsKey<string>("Refit.RelativePathTemplate"), template);
        return request;
    }

    private sealed class Formatted(string text)
    {
        public override string ToString() => text;
    }
}
