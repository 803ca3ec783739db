using System.Text;
using UserGroupClient.Authentication;

namespace UserGroupClient.Tests.Authentication;

/// <summary>A signer that records each signature base it is given and signs with the real one.</summary>
internal sealed class RecordingSigner(HttpMessageSigner inner) : HttpMessageSigner(inner.Algorithm, inner.MaxSignatureSize)
{
    public List<string> Bases { get; } = [];

    public override bool TrySign(ReadOnlySpan<byte> signatureBase, Span<byte> destination, out int bytesWritten)
    {
        Bases.Add(Encoding.ASCII.GetString(signatureBase));
        return inner.TrySign(signatureBase, destination, out bytesWritten);
    }
}

/// <summary>A verification key that records each signature base it is given and checks with the real one.</summary>
internal sealed class RecordingVerificationKey(HttpMessageVerificationKey inner) : HttpMessageVerificationKey(inner.Algorithm)
{
    public List<string> Bases { get; } = [];

    public override bool Verify(ReadOnlySpan<byte> signatureBase, ReadOnlySpan<byte> signature)
    {
        Bases.Add(Encoding.ASCII.GetString(signatureBase));
        return inner.Verify(signatureBase, signature);
    }
}
