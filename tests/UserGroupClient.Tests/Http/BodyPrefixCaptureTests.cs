using UserGroupClient.Http;
using UserGroupClient.Tests.Support;

// The byte-array overloads of Read and ReadAsync are part of what these tests exercise.
#pragma warning disable CA1835

namespace UserGroupClient.Tests.Http;

/// <summary>
/// The start of a body kept for an error report while the body is parsed: every read overload passes the bytes on
/// unchanged and keeps them until the capacity is full; from the first byte that does not fit, the prefix is no longer
/// the whole of what was read, and stays as it was.
/// </summary>
public sealed class BodyPrefixCaptureTests
{
    // The pool hands out arrays of at least 16 bytes in powers of two: a capacity of 16 is kept exactly.
    private const int Capacity = 16;

    [Fact]
    public async Task EveryReadOverloadPassesTheBytesOnAndKeepsThem()
    {
        using var stream = new PrefixCaptureStream(new MemoryStream(Bytes(0, 12)), Capacity);
        var buffer = new byte[8];

        Assert.Equal(3, stream.Read(buffer, 1, 3));
        Assert.Equal(Bytes(0, 3), buffer[1..4]);
        Assert.Equal(3, stream.Read(buffer.AsSpan(0, 3)));
        Assert.Equal(Bytes(3, 3), buffer[..3]);
        Assert.Equal(3, await stream.ReadAsync(buffer, 2, 3, CancellationToken.None));
        Assert.Equal(Bytes(6, 3), buffer[2..5]);
        Assert.Equal(3, await stream.ReadAsync(buffer.AsMemory(0, 3)));
        Assert.Equal(Bytes(9, 3), buffer[..3]);
        Assert.Equal(0, await stream.ReadAsync(buffer.AsMemory()));

        Assert.Equal(Bytes(0, 12), stream.Prefix.ToArray());
        Assert.True(stream.PrefixIsWhole);
    }

    [Fact]
    public void ABodyOfExactlyTheCapacityIsKeptWhole()
    {
        using var stream = new PrefixCaptureStream(new MemoryStream(Bytes(0, Capacity)), Capacity);

        Assert.Equal(Capacity, stream.Read(new byte[Capacity], 0, Capacity));

        Assert.Equal(Bytes(0, Capacity), stream.Prefix.ToArray());
        Assert.True(stream.PrefixIsWhole);
    }

    [Fact]
    public void TheByteThatDoesNotFitEndsTheCaptureAndLaterBytesAreNotKept()
    {
        using var stream = new PrefixCaptureStream(new MemoryStream(Bytes(0, 40)), Capacity);
        var buffer = new byte[40];

        Assert.Equal(10, stream.Read(buffer, 0, 10));
        Assert.Equal(7, stream.Read(buffer, 10, 7));
        Assert.Equal(Bytes(0, Capacity), stream.Prefix.ToArray());
        Assert.False(stream.PrefixIsWhole);

        Assert.Equal(23, stream.Read(buffer, 17, 23));
        Assert.Equal(Bytes(0, 40), buffer);
        Assert.Equal(Bytes(0, Capacity), stream.Prefix.ToArray());
        Assert.False(stream.PrefixIsWhole);
    }

    [Fact]
    public void ItIsAForwardOnlyReadOnlyStream()
    {
        using var stream = new PrefixCaptureStream(new MemoryStream(Bytes(0, 4)), Capacity);

        StreamAssert.IsForwardOnlyReadOnly(stream);
    }

    [Fact]
    public void DisposingItEndsTheBodyAndCanBeRepeated()
    {
        var body = new MemoryStream(Bytes(0, 4));
        var stream = new PrefixCaptureStream(body, Capacity);
        Assert.Equal(4, stream.Read(new byte[4], 0, 4));

        stream.Dispose();
        stream.Dispose();

        Assert.False(body.CanRead);
    }

    private static byte[] Bytes(int from, int count) => [.. Enumerable.Range(from, count).Select(value => (byte)value)];
}
