namespace UserGroupClient.Kylin;

/// <summary>
/// How a <see cref="KylinClient"/> authenticates: HTTP Basic only. KAP / Kyligence Enterprise 3.x reads a user name and
/// password on every call and takes no bearer token or HTTP signature, so there is no token-provider or signer factory
/// here. Its <c>ToString()</c> never shows the password.
/// </summary>
public abstract class KylinCredentials
{
    private protected KylinCredentials()
    {
    }

    /// <summary>
    /// A user name and password sent as <c>Authorization: Basic …</c> on every request, without waiting for a challenge
    /// (Kylin sends no <c>WWW-Authenticate</c>). A refused login is never retried: three wrong passwords in a row lock
    /// the account for 30 seconds.
    /// </summary>
    /// <param name="userName">The Kylin user, e.g. <c>ADMIN</c>; it cannot contain <c>:</c>.</param>
    /// <param name="password">The password.</param>
    /// <exception cref="ArgumentException">The user name is empty or holds a colon, or the password is <see langword="null"/>.</exception>
    public static KylinCredentials Basic(string userName, string password) => new KylinBasicCredentials(userName, password);

    /// <summary>The secret values these credentials hold, to be masked in any error text that echoes them.</summary>
    internal abstract IEnumerable<string> Secrets { get; }

    /// <summary>Returns a maker of authentication handlers, one per handler chain.</summary>
    internal abstract Func<DelegatingHandler> CreateHandlerFactory();
}
