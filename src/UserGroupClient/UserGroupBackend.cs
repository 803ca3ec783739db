namespace UserGroupClient;

/// <summary>
/// One backend that <c>AddUserGroupBackends</c> registered: resolve it from the service provider as
/// <c>IEnumerable&lt;UserGroupBackend&gt;</c>, and its services as a keyed <see cref="IUserGroupService"/> (and keyed
/// <see cref="IUserDirectory"/>, when <see cref="HasUserDirectory"/>) under <see cref="Name"/>.
/// </summary>
public sealed class UserGroupBackend
{
    /// <summary>Describes a backend.</summary>
    /// <param name="name">The backend's name: its configuration key and its service key.</param>
    /// <param name="dialect">What the backend is.</param>
    public UserGroupBackend(string name, UserGroupBackendDialect dialect)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Dialect = dialect;
    }

    /// <summary>The backend's name: its configuration key and its service key.</summary>
    public string Name { get; }

    /// <summary>What the backend is.</summary>
    public UserGroupBackendDialect Dialect { get; }

    /// <summary>
    /// A keyed <see cref="IUserDirectory"/> is registered under <see cref="Name"/>: every dialect but MinApp, which
    /// has no unique user name.
    /// </summary>
    public bool HasUserDirectory => Dialect != UserGroupBackendDialect.MinApp;

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Dialect})";
}
