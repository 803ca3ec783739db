using System.Text;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// Which strings of a JSON body are masked as JSON of their own: an array as well as an object, blanks around it
/// allowed, while a JSON scalar in a string (a quoted word, a number) is text, where a short known value is an
/// ordinary word and stays.
/// </summary>
public sealed class JsonTextInAStringTests
{
    private static readonly KnownSecrets Known = new(["admin"]);

    [Theory]
    [InlineData("""{"echo": "[\"admin\", 1]"}""", "[\"***\",1]")]
    [InlineData("""{"echo": " [\"admin\"] "}""", "[\"***\"]")]
    [InlineData("""{"echo": "{\"user\": \"admin\"}"}""", "{\"user\":\"***\"}")]
    public void AnArrayOrObjectHeldInAStringIsMaskedValueByValue(string json, string echo)
    {
        var body = ResponseBodyReader.MaskBody(Encoding.UTF8.GetBytes(json), complete: true, Known);

        Assert.Equal(echo, body.Json!.Value.GetProperty("echo").GetString());
    }

    [Theory]
    [InlineData("""{"user": "\"admin\""}""")]
    [InlineData("""{"user": " \"admin\" "}""")]
    [InlineData("""{"user": "[\"admin\""}""")]
    [InlineData("""{"user": "\"admin\"]"}""")]
    public void AJsonScalarOrAnUnclosedListHeldInAStringIsTextAndAShortKnownWordInItStays(string json)
    {
        var body = ResponseBodyReader.MaskBody(Encoding.UTF8.GetBytes(json), complete: true, Known);

        Assert.Equal(json, body.Text);
    }
}
