namespace UserGroupClient.Owl;

/// <summary>Settings of an <see cref="OwlClient"/>.</summary>
public sealed class OwlClientOptions : UserGroupClientOptions
{
    /// <summary>How the client authenticates. Required.</summary>
    public OwlCredentials? Credentials { get; set; }

    /// <summary>Checks the settings, naming the bad one.</summary>
    /// <exception cref="ArgumentException">A setting is missing or invalid.</exception>
    public void Validate()
    {
        ValidateCommon();
        if (Credentials is null)
        {
            throw new ArgumentException($"{nameof(OwlClientOptions)}.{nameof(Credentials)} is required.", nameof(Credentials));
        }
    }
}
