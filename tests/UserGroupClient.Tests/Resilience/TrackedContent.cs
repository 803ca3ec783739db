using System.Net;

namespace UserGroupClient.Tests.Resilience;

/// <summary>A body that says whether it was disposed, as a connection is released when its answer is.</summary>
internal sealed class TrackedContent : HttpContent
{
    public bool Disposed { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => Task.CompletedTask;

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
