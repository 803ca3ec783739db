using Microsoft.Extensions.Logging;
using UserGroupClient.Resilience;

namespace UserGroupClient;

/// <summary>Settings every dialect's client shares; each dialect's options derive from it.</summary>
public abstract class UserGroupClientOptions
{
    /// <summary>
    /// The server's base address, e.g. <c>https://jms.example.com</c>. A path prefix is kept. It must not hold a user
    /// name or password (<c>https://user:password@host</c>): credentials go in the dialect's <c>Credentials</c>.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The clock used for signatures, token expiry and timeouts; tests replace it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// How long one API call may take in all, reading the response body included, before it fails with
    /// <see cref="TimeoutException"/>. Default 100 seconds. The resilience pipeline's own timeouts
    /// (<see cref="UserGroupResilienceOptions.TotalTimeout"/>, <see cref="UserGroupResilienceOptions.AttemptTimeout"/>) apply within it.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The client's name in logs, spans and metrics (<c>usergroupclient.client</c>); <see langword="null"/> uses the dialect's
    /// name, or the registration name under dependency injection.
    /// </summary>
    public string? ClientName { get; set; }

    /// <summary>Retries, timeouts and the circuit breaker.</summary>
    public UserGroupResilienceOptions Resilience { get; set; } = new();

    /// <summary>Where the SDK logs (one event per call, attempts at Debug); <see langword="null"/> logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// The largest success body the SDK reads, in bytes; default 16 MiB, at least 1024. It holds for every body, the
    /// answers of logins, token exchanges, MinApp's authorize step and token refreshes included, and counts the bytes a
    /// compressed (gzip, Brotli) body decodes to, not those on the wire. A body that announces a larger
    /// <c>Content-Length</c> fails with <see cref="UserGroupApiException"/> before any of it is read; one without a
    /// length fails as soon as more than this has arrived, and the rest is not read; so does a body whose encoding
    /// cannot be decoded. Error bodies are read only as far as needed to classify them (at most 1 MiB, or this limit
    /// when smaller) and kept in <see cref="UserGroupApiException.ResponseBody"/> capped at 8 KiB. Raise it for servers
    /// whose pages are larger.
    /// </summary>
    public long MaxResponseContentBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The page size list operations use when the caller gives none. Default 100.</summary>
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>The secret values of the configured credentials, so error texts that echo them can be masked.</summary>
    internal virtual IEnumerable<string> CredentialSecrets() => [];

    /// <summary>Checks the settings, naming the bad one; clients call it when they are created, and dependency injection at start.</summary>
    /// <exception cref="ArgumentException">A setting is missing or invalid.</exception>
    public virtual void Validate() => ValidateCommon();

    /// <summary>Checks the shared settings, naming the bad one.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range.</exception>
    protected void ValidateCommon()
    {
        if (BaseAddress is null)
        {
            throw new ArgumentException($"{GetType().Name}.{nameof(BaseAddress)} is required.", nameof(BaseAddress));
        }

        if (!BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttps && BaseAddress.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{GetType().Name}.{nameof(BaseAddress)} must be an absolute http or https address.", nameof(BaseAddress));
        }

        // A user name or password here would travel with the address into span tags and error texts, and no dialect
        // reads it; the message names the setting, never the value.
        if (!string.IsNullOrEmpty(BaseAddress.UserInfo))
        {
            throw new ArgumentException(
                $"{GetType().Name}.{nameof(BaseAddress)} must not hold a user name or password (the part before '@'); credentials go in {GetType().Name}.Credentials.",
                nameof(BaseAddress));
        }

        if (!string.IsNullOrEmpty(BaseAddress.Query) || !string.IsNullOrEmpty(BaseAddress.Fragment))
        {
            throw new ArgumentException($"{GetType().Name}.{nameof(BaseAddress)} must not have a query or fragment.", nameof(BaseAddress));
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException($"{GetType().Name}.{nameof(TimeProvider)} is required.", nameof(TimeProvider));
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"{GetType().Name}.{nameof(Timeout)} must be positive or infinite.", nameof(Timeout));
        }

        if (MaxResponseContentBytes < 1024)
        {
            throw new ArgumentException($"{GetType().Name}.{nameof(MaxResponseContentBytes)} must be at least 1024.", nameof(MaxResponseContentBytes));
        }

        if (Resilience is null)
        {
            throw new ArgumentException($"{GetType().Name}.{nameof(Resilience)} is required.", nameof(Resilience));
        }

        Resilience.Validate(GetType().Name);

        if (DefaultPageSize < 1)
        {
            throw new ArgumentException($"{GetType().Name}.{nameof(DefaultPageSize)} must be at least 1.", nameof(DefaultPageSize));
        }
    }
}
