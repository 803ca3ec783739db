namespace UserGroupClient.Authentication;

/// <summary>A bearer credential and when it stops being valid. <see cref="ToString"/> never shows the value.</summary>
public sealed class AccessToken
{
    /// <summary>Creates a token.</summary>
    /// <param name="value">The credential sent after the scheme word.</param>
    /// <param name="expiresOn">When the server stops accepting it; <see langword="null"/> when unknown or never.</param>
    public AccessToken(string value, DateTimeOffset? expiresOn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
        ExpiresOn = expiresOn;
    }

    /// <summary>The secret value.</summary>
    public string Value { get; }

    /// <summary>When it expires, if known.</summary>
    public DateTimeOffset? ExpiresOn { get; }

    /// <inheritdoc />
    public override string ToString() => ExpiresOn is { } expires ? $"AccessToken(***, expires {expires:O})" : "AccessToken(***)";
}
