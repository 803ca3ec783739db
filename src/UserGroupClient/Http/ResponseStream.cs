using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;

namespace UserGroupClient.Http;

/// <summary>
/// A success body handed on to be parsed as it arrives (a page): read within the body-size limit, under the call's
/// bound (<see cref="CallHandler"/>), keeping its first bytes for an error message, and knowing the exchange it came
/// from, so that a body that cannot be parsed is reported with its request and status.
/// </summary>
internal sealed class ResponseStream : Stream
{
    private readonly PrefixCaptureStream _body;
    private readonly TimeoutScope _timeout;
    private int _disposed;

    private ResponseStream(HttpRequestMessage request, HttpResponseMessage response, PrefixCaptureStream body, TimeoutScope timeout, TimeSpan bound)
    {
        Bound = bound;
        Request = request;
        StatusCode = response.StatusCode;
        ContentHeaders = response.Content.Headers;
        _body = body;
        _timeout = timeout;
    }

    /// <summary>The request answered.</summary>
    public HttpRequestMessage Request { get; }

    /// <summary>The answer's status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>How long the whole call may take (<see cref="UserGroupClientOptions.Timeout"/>).</summary>
    public TimeSpan Bound { get; }

    /// <summary>The body's headers, as received.</summary>
    public HttpContentHeaders ContentHeaders { get; }

    /// <summary>The bytes read so far, up to <see cref="ResponseBodyReader.MaskedBytes"/>.</summary>
    public ReadOnlySpan<byte> Prefix => _body.Prefix;

    /// <summary>Whether <see cref="Prefix"/> holds everything read so far.</summary>
    public bool PrefixIsWhole => _body.PrefixIsWhole;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Opens <paramref name="response"/>'s body; the stream owns <paramref name="timeout"/> from then on and ends it when disposed.</summary>
    public static async Task<ResponseStream> OpenAsync(HttpRequestMessage request, HttpResponseMessage response, TimeoutScope timeout, TimeSpan bound, long maxBytes, CancellationToken cancellationToken)
    {
        var body = await ResponseBodyReader.OpenAsync(response.Content, maxBytes, cancellationToken).ConfigureAwait(false);
        return new ResponseStream(request, response, new PrefixCaptureStream(body, ResponseBodyReader.MaskedBytes), timeout, bound);
    }

    /// <summary>Whether the call's bound elapsed (and not the caller's own token).</summary>
    public bool TimedOut => _timeout.TimedOut;

    public override int Read(byte[] buffer, int offset, int count) => _body.Read(buffer, offset, count);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // The call's bound covers the body: reads run under its token, which the caller's token also cancels.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await _body.ReadAsync(buffer, _timeout.Token).ConfigureAwait(false);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _body.Dispose();
            _timeout.Dispose();
        }

        // Stryker disable once Statement : Stream's own Dispose(bool) holds nothing to release
        base.Dispose(disposing);
    }
}
