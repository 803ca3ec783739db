using System.Globalization;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// HTTP Basic as KAP's security chain applies it (docs/wire/kylin.md §7): 401 with an <c>ErrorResponse</c> and no
/// challenge; three wrong passwords in a row lock the account, and any attempt while locked gets a 400.
/// </summary>
internal static class KylinKapAuthenticator
{
    private const int WrongPasswordLimit = 3;

    /// <summary>Checks the request's credentials; returns the user, or the status and message to refuse with.</summary>
    public static (KylinStoredUser? User, int Status, string? Message) Authenticate(KylinState state, string? authorization)
    {
        if (!KylinBasicCredentials.TryDecode(authorization, out var username, out var password))
        {
            return (null, 401, "Full authentication is required to access this resource");
        }

        if (!state.Users.TryGetValue(username, out var user))
        {
            return (null, 401, $"User '{username}' not found.");
        }

        if (user.LockedAt is { } lockedAt)
        {
            var left = lockedAt + user.LockLength - state.Now;
            if (left > TimeSpan.Zero)
            {
                var seconds = Math.Ceiling(left.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return (null, 400, $"User {username} is locked, please wait for {seconds} seconds.");
            }

            user.LockedAt = null;
            user.WrongTime = 0;
        }

        if (user.Disabled)
        {
            return (null, 401, "User is disabled");
        }

        if (!string.Equals(user.Password, password, StringComparison.Ordinal))
        {
            user.WrongTime++;
            if (user.WrongTime >= WrongPasswordLimit)
            {
                user.LockedAt = state.Now;
                user.LockLength = state.LockDuration;
            }

            return (null, 401, "Invalid credentials for login. Please ensure your password/user information are correct.");
        }

        user.WrongTime = 0;
        return (user, 200, null);
    }
}
