using System.Net;
using System.Text;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// How a success body's bytes become text: as UTF-8 when its Content-Type names no charset or UTF-8 (in any case),
/// with a UTF-8 byte order mark skipped; in the charset it names otherwise, however the parameter is written.
/// </summary>
public sealed class SuccessBodyCharsetTests
{
    private const string Group = """{"id": "g", "name": "Café ☕"}""";

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json;CHARSET=UTF-8")]
    [InlineData("application/json; charset = utf-8")]
    [InlineData("application/json;charset=utf-8;")]
    public async Task AUtf8BodyIsReadAsUtf8(string? contentType)
    {
        var group = await GetAsync(Encoding.UTF8.GetBytes(Group), contentType);

        Assert.Equal("Café ☕", group.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json; charset=utf-8")]
    public async Task AByteOrderMarkBeforeAUtf8BodyIsSkipped(string? contentType)
    {
        var group = await GetAsync([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Group)], contentType);

        Assert.Equal("Café ☕", group.Name);
    }

    [Theory]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; Charset=UTF-16")]
    [InlineData("application/json; charset=utf-16; profile=x")]
    public async Task ABodyInAnotherCharsetIsReadInThatCharset(string contentType)
    {
        var group = await GetAsync(Encoding.Unicode.GetBytes(Group), contentType);

        Assert.Equal("Café ☕", group.Name);
    }

    private static async Task<JumpServerUserGroup> GetAsync(byte[] body, params string?[] contentTypes)
    {
        using var jumpServer = new JumpServerStub(new StubHandler(_ =>
        {
            var content = new ByteArrayContent(body);
            foreach (var contentType in contentTypes)
            {
                if (contentType is not null)
                {
                    content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                }
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }));

        return await jumpServer.Client.UserGroups.GetAsync("g");
    }
}
