using System.Text.Json;
using UserGroupClient.MinApp;

namespace UserGroupClient.Tests.MinApp;

/// <summary>How a page's <c>meta</c> is read (counts as numbers, strings or null; <c>next</c> as a link, null or absent) and refused, and how it is written back.</summary>
public sealed class MinAppPageMetaReadingTests
{
    private static readonly MinAppJsonContext Json = MinAppJsonContext.Default;

    private static MinAppPageMeta Meta(string meta) =>
        JsonSerializer.Deserialize($$"""{"meta": {{meta}}, "objects": []}""", Json.MinAppPageMinAppUserGroup)!.Meta;

    [Fact]
    public void CountsSentAsStringsAreRead()
    {
        var meta = Meta("""{"limit": "20", "next": "/oserve/v1/user-group/?offset=20", "offset": "0", "previous": "/oserve/v1/user-group/?offset=0", "total_count": "21"}""");

        Assert.Equal((20, 0, 21), (meta.Limit, meta.Offset, meta.TotalCount));
        Assert.Equal(("/oserve/v1/user-group/?offset=20", "/oserve/v1/user-group/?offset=0"), (meta.Next, meta.Previous));
        Assert.True(meta.HasNextField);
    }

    [Fact]
    public void NullCountsAndLinksAreRead()
    {
        var meta = Meta("""{"limit": null, "next": null, "offset": null, "previous": null, "total_count": null}""");

        Assert.Equal((null, null, null, null, null, true), (meta.Limit, meta.Offset, meta.TotalCount, meta.Next, meta.Previous, meta.HasNextField));
    }

    [Fact]
    public void UnknownFieldsAreSkippedWithWhateverTheyHold()
    {
        var meta = Meta("""{"links": {"next": "/elsewhere/", "limit": 1}, "cursor": ["next"], "limit": 5}""");

        Assert.False(meta.HasNextField);
        Assert.Null(meta.Next);
        Assert.Equal(5, meta.Limit);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("\"meta\"")]
    [InlineData("[]")]
    public void AMetaThatIsNoObjectIsRefused(string meta)
    {
        var error = Assert.Throws<JsonException>(() => Meta(meta));

        Assert.Equal("'meta' is not an object.", error.Message);
    }

    [Theory]
    [InlineData("""{"limit": true}""")]
    [InlineData("""{"offset": 2.5}""")]
    [InlineData("""{"total_count": 3000000000}""")]
    [InlineData("""{"total_count": "-1"}""")]
    [InlineData("""{"limit": " 2"}""")]
    [InlineData("""{"offset": {}}""")]
    public void ACountThatIsNoIntegerIsRefused(string meta)
    {
        var error = Assert.Throws<JsonException>(() => Meta(meta));

        Assert.Equal("A 'meta' count is not an integer.", error.Message);
    }

    [Theory]
    [InlineData("""{"next": 2}""")]
    [InlineData("""{"previous": false}""")]
    [InlineData("""{"next": ["/a/"]}""")]
    public void ALinkThatIsNoStringIsRefused(string meta)
    {
        var error = Assert.Throws<JsonException>(() => Meta(meta));

        Assert.Equal("A 'meta' link is not a string.", error.Message);
    }

    [Fact]
    public void AMetaIsWrittenInTheServersShapeAndReadBackTheSame()
    {
        var meta = new MinAppPageMeta { Limit = 20, Offset = 0, Next = "/oserve/v1/user-group/?offset=20", TotalCount = 21, HasNextField = true };

        var json = JsonSerializer.Serialize(meta, Json.MinAppPageMeta);

        Assert.Equal("""{"limit":20,"next":"/oserve/v1/user-group/?offset=20","offset":0,"previous":null,"total_count":21}""", json);
        var read = JsonSerializer.Deserialize(json, Json.MinAppPageMeta)!;
        Assert.Equal((20, 0, 21, "/oserve/v1/user-group/?offset=20", (string?)null, true), (read.Limit, read.Offset, read.TotalCount, read.Next, read.Previous, read.HasNextField));
    }

    [Fact]
    public void AMetaWithoutANextFieldIsWrittenWithoutOneAndWithNullCounts()
    {
        var json = JsonSerializer.Serialize(new MinAppPageMeta { Previous = "/oserve/v1/user-group/?offset=0" }, Json.MinAppPageMeta);

        Assert.Equal("""{"limit":null,"offset":null,"previous":"/oserve/v1/user-group/?offset=0","total_count":null}""", json);
        Assert.False(JsonSerializer.Deserialize(json, Json.MinAppPageMeta)!.HasNextField);
    }
}
