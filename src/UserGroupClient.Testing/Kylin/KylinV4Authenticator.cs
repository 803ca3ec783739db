using System.Text;
using Microsoft.AspNetCore.Http;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// HTTP Basic as Kylin 5's and KE 4's <c>LimitLoginAuthenticationProvider</c> and entry point apply it
/// (docs/wire/kylin.md §12.6): 401 JSON with the flavor's texts; the third wrong password in a row locks the account,
/// each further one after a lock ends locks it longer, the tenth for good; while locked every attempt, with the right
/// password too, gets a 400 that says how long is left. Only a successful sign-in resets the count.
/// </summary>
internal static class KylinV4Authenticator
{
    private const int WrongPasswordLimit = 3;
    private const int PermanentLock = 10;

    private static readonly TimeSpan[] LaterLocks =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
        TimeSpan.FromDays(1), TimeSpan.FromDays(3),
    ];

    /// <summary>Checks the request's credentials; returns the user, or the error to refuse with.</summary>
    public static (KylinStoredUser? User, KylinV4Error? Error) Authenticate(KylinState state, string? authorization)
    {
        var kylin5 = state.Flavor == KylinEmulatorFlavor.Kylin5;
        if (string.IsNullOrEmpty(authorization) || !KylinBasicCredentials.IsPresent(authorization))
        {
            return (null, kylin5
                ? new KylinV4Error(StatusCodes.Status401Unauthorized, "KE-010003207", "Can't authenticate. Please login again.", NewStyle: true)
                : new KylinV4Error(StatusCodes.Status401Unauthorized, "KE-010003007", "Unable to authenticate. Please login again."));
        }

        if (!KylinBasicCredentials.TryDecode(authorization, out var username, out var password) || !state.Users.TryGetValue(username, out var user))
        {
            return (null, LoginFailed(kylin5, lockSeconds: null));
        }

        if (user.LockedAt is { } lockedAt)
        {
            if (user.LockLength == TimeSpan.MaxValue)
            {
                return (null, Locked($"User {user.Username} is locked permanently. Please contact to your administrator to reset."));
            }

            var elapsed = state.Now - lockedAt;
            if (elapsed < user.LockLength)
            {
                var left = Math.Max(1, (long)(user.LockLength - elapsed).TotalSeconds);
                var next = LockLength(state, user.WrongTime + 1);
                var then = next == TimeSpan.MaxValue ? "Login failure again will be locked permanently." : $"Login failure again will be locked for {Format((long)next.TotalSeconds)}.";
                return (null, Locked($"For security concern, account {user.Username} has been locked. Please try again in {Format(left)}. {then}"));
            }

            // The lock has run out; the count of wrong passwords stays, so the next one locks again, longer.
            user.LockedAt = null;
        }

        if (user.Disabled)
        {
            return (null, new KylinV4Error(StatusCodes.Status401Unauthorized, "KE-010003008", "This user is disabled. Please contact admin."));
        }

        if (!string.Equals(user.Password, password, StringComparison.Ordinal))
        {
            user.WrongTime++;
            user.FirstFailedAt ??= state.Now;
            long? lockSeconds = null;
            if (user.WrongTime >= WrongPasswordLimit)
            {
                user.LockedAt = state.Now;
                user.LockLength = LockLength(state, user.WrongTime);
                lockSeconds = user.LockLength == TimeSpan.MaxValue ? null : (long)user.LockLength.TotalSeconds;
            }

            return (null, LoginFailed(kylin5, lockSeconds));
        }

        user.WrongTime = 0;
        user.FirstFailedAt = null;
        return (user, null);
    }

    private static TimeSpan LockLength(KylinState state, int wrongTime) => wrongTime switch
    {
        < WrongPasswordLimit => TimeSpan.Zero,
        WrongPasswordLimit => state.LockDuration,
        >= PermanentLock => TimeSpan.MaxValue,
        _ => LaterLocks[wrongTime - WrongPasswordLimit - 1],
    };

    // Kylin 5's entry point answers every failed login with its one text; KE 4's carries the lock the failure caused.
    private static KylinV4Error LoginFailed(bool kylin5, long? lockSeconds) => kylin5
        ? new KylinV4Error(StatusCodes.Status401Unauthorized, "KE-010003208", "Invalid username or password. Please check and try again.", NewStyle: true)
        : new KylinV4Error(StatusCodes.Status401Unauthorized, "KE-010003008", lockSeconds is { } seconds ? $"Invalid username or password. Please try again after {Format(seconds)}." : "Invalid username or password.");

    private static KylinV4Error Locked(string text) =>
        new(StatusCodes.Status400BadRequest, "KE-010003005", text, ExceptionType: "org.springframework.security.authentication.LockedException");

    // The server's formatSeconds: "1 days 2 hours 3 minutes 4 seconds", units that are zero left out.
    private static string Format(long seconds)
    {
        var text = new StringBuilder();
        Append(text, seconds / 86400, "days");
        Append(text, seconds / 3600 % 24, "hours");
        Append(text, seconds / 60 % 60, "minutes");
        Append(text, seconds % 60, "seconds");
        return text.ToString().TrimEnd();
    }

    private static void Append(StringBuilder text, long value, string unit)
    {
        if (value > 0)
        {
            text.Append(value).Append(' ').Append(unit).Append(' ');
        }
    }
}
