namespace UserGroupClient.Tests.Support;

/// <summary>Assertions on the shape of the SDK's body streams.</summary>
internal static class StreamAssert
{
    /// <summary>Reads only, forwards only: no length, position, seeking or writing; flushing does nothing.</summary>
    public static void IsForwardOnlyReadOnly(Stream stream)
    {
        Assert.True(stream.CanRead);
        Assert.False(stream.CanSeek);
        Assert.False(stream.CanWrite);
        Assert.Throws<NotSupportedException>(() => stream.Length);
        Assert.Throws<NotSupportedException>(() => stream.Position);
        Assert.Throws<NotSupportedException>(() => stream.Position = 0);
        Assert.Throws<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => stream.SetLength(0));
        Assert.Throws<NotSupportedException>(() => stream.Write(new byte[1], 0, 1));
        stream.Flush();
    }
}
