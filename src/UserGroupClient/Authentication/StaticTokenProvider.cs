namespace UserGroupClient.Authentication;

/// <summary>Always supplies the same token; a 401 is final.</summary>
public sealed class StaticTokenProvider : ITokenProvider
{
    private readonly AccessToken _token;

    /// <summary>Creates the provider for a fixed token.</summary>
    public StaticTokenProvider(string token) => _token = new AccessToken(token);

    /// <inheritdoc />
    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_token);

    /// <inheritdoc />
    public ValueTask<AccessToken> RefreshTokenAsync(AccessToken rejected, CancellationToken cancellationToken = default) => ValueTask.FromResult(_token);

    /// <inheritdoc />
    public override string ToString() => "StaticTokenProvider(***)";
}
