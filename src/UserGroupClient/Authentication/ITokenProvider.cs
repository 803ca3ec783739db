namespace UserGroupClient.Authentication;

/// <summary>Supplies the token <see cref="BearerTokenHandler"/> puts on each request.</summary>
public interface ITokenProvider
{
    /// <summary>Gets a token that is valid now, acquiring or refreshing one when needed.</summary>
    ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Called once when the server answered 401 to <paramref name="rejected"/>: returns a different token to resend
    /// with, or <paramref name="rejected"/> itself when no better token can be had (the 401 then stands).
    /// </summary>
    ValueTask<AccessToken> RefreshTokenAsync(AccessToken rejected, CancellationToken cancellationToken = default);
}
