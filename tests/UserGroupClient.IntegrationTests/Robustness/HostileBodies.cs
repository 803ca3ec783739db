using System.IO.Compression;
using System.Text;

namespace UserGroupClient.IntegrationTests.Robustness;

/// <summary>
/// Encoded answers a hostile server sends: compression bombs (a small body on the wire that decodes to a gibibyte) and
/// bodies whose encoding is corrupt. Each is built once per test run.
/// </summary>
internal static class HostileBodies
{
    /// <summary>What a bomb decodes to: the start of a JSON string that never ends, so a reader must hold all of it.</summary>
    public const string BombPrefix = """{"token":"access-""";

    /// <summary>How much a bomb decodes to: 1 GiB.</summary>
    public const long BombDecodedBytes = 1L << 30;

    private static readonly Lazy<byte[]> GzipBombBytes = new(BuildGzipBomb);
    private static readonly Lazy<byte[]> BrotliBombBytes = new(BuildBrotliBomb);

    /// <summary>The kinds of body, by name, for theories: a bomb or a corrupt body in each encoding the SDK asks for.</summary>
    public static readonly string[] Kinds = ["gzip bomb", "br bomb", "corrupt gzip", "corrupt br"];

    /// <summary>The encoded bytes and the <c>Content-Encoding</c> of a kind of body.</summary>
    public static (byte[] Body, string Encoding) Get(string kind) => kind switch
    {
        "gzip bomb" => (GzipBombBytes.Value, "gzip"),
        "br bomb" => (BrotliBombBytes.Value, "br"),

        // A valid gzip header, then bytes that are no deflate stream.
        "corrupt gzip" => ([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0xff, .. Encoding.ASCII.GetBytes("this is not deflate data at all")], "gzip"),
        "corrupt br" => ([0xff, 0xff, 0xff, 0xff, .. Encoding.ASCII.GetBytes("this is not a brotli stream either")], "br"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of body."),
    };

    // Concatenated gzip members decode as one body: one small member per MiB keeps building it fast.
    private static byte[] BuildGzipBomb()
    {
        using var bomb = new MemoryStream();
        bomb.Write(Gzip(Encoding.ASCII.GetBytes(BombPrefix)));
        var member = Gzip(Filler(1 << 20));
        for (var i = 0L; i < BombDecodedBytes >> 20; i++)
        {
            bomb.Write(member);
        }

        return bomb.ToArray();
    }

    private static byte[] BuildBrotliBomb()
    {
        using var bomb = new MemoryStream();
        using (var brotli = new BrotliStream(bomb, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(Encoding.ASCII.GetBytes(BombPrefix));
            var chunk = Filler(1 << 20);
            for (var i = 0L; i < BombDecodedBytes >> 20; i++)
            {
                brotli.Write(chunk);
            }
        }

        return bomb.ToArray();
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }

    private static byte[] Filler(int length)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, (byte)'a');
        return bytes;
    }
}
