namespace UserGroupClient.Testing.JumpServer;

/// <summary>An access key (AK/SK pair) for HTTP-signature authentication, held by a <see cref="JumpServerEmulator"/>.</summary>
/// <param name="Id">The key id sent as <c>keyId</c>, a lower-case UUID.</param>
/// <param name="Secret">The shared secret the HMAC is keyed with.</param>
/// <param name="Username">The username of the key's owner.</param>
/// <param name="UserId">The id of the key's owner.</param>
/// <param name="IsActive">Whether the key is enabled; signatures made with an inactive key are refused.</param>
/// <param name="AllowedIps">
/// The client addresses the key may be used from: <c>*</c>, single addresses, CIDR networks or <c>first-last</c> ranges.
/// The client address is the first <c>X-Forwarded-For</c> entry when present, else the connection's address.
/// </param>
public sealed record JumpServerEmulatedAccessKey(
    string Id,
    string Secret,
    string Username,
    string UserId,
    bool IsActive,
    IReadOnlyList<string> AllowedIps)
{
    /// <summary>Describes the key without its <see cref="Secret"/>.</summary>
    /// <returns>The key's id, owner and state.</returns>
    public override string ToString() =>
        $"JumpServerEmulatedAccessKey {{ Id = {Id}, Username = {Username}, IsActive = {IsActive}, AllowedIps = [{string.Join(", ", AllowedIps)}] }}";
}
