using UserGroupClient.Authentication;

namespace UserGroupClient.IntegrationTests.Credentials;

/// <summary>
/// An application's own token provider: hands out <c>current</c> until the server rejects it, then whatever
/// <c>renew</c> gives, and counts both kinds of call.
/// </summary>
internal sealed class ScriptedTokenProvider(string current, Func<string> renew) : ITokenProvider
{
    private AccessToken _token = new(current);

    public int Gets { get; private set; }

    public int Refreshes { get; private set; }

    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        Gets++;
        return ValueTask.FromResult(_token);
    }

    public ValueTask<AccessToken> RefreshTokenAsync(AccessToken rejected, CancellationToken cancellationToken = default)
    {
        Refreshes++;
        if (ReferenceEquals(rejected, _token))
        {
            _token = new AccessToken(renew());
        }

        return ValueTask.FromResult(_token);
    }
}
