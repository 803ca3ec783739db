namespace UserGroupClient.Testing.Hosting;

/// <summary>The request body the host has already read in full, so handlers and the journal see the same bytes.</summary>
internal sealed class RequestBodyFeature(byte[] body)
{
    public byte[] Body { get; } = body;
}
