namespace UserGroupClient.Tests.Directory;

/// <summary>What a registered backend says of itself: its name (never blank), and whether it has a user directory.</summary>
public sealed class BackendDescriptionTests
{
    [Theory]
    [InlineData(UserGroupBackendDialect.JumpServer, true)]
    [InlineData(UserGroupBackendDialect.Kylin, true)]
    [InlineData(UserGroupBackendDialect.OwlHostGroups, true)]
    [InlineData(UserGroupBackendDialect.OwlUserGroups, true)]
    [InlineData(UserGroupBackendDialect.MinApp, false)]
    public void EveryDialectButMinAppHasAUserDirectory(UserGroupBackendDialect dialect, bool hasDirectory)
    {
        var backend = new UserGroupBackend("ops", dialect);

        Assert.Equal(hasDirectory, backend.HasUserDirectory);
        Assert.Equal($"ops ({dialect})", backend.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void ABlankNameIsRefused(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new UserGroupBackend(name, UserGroupBackendDialect.OwlUserGroups));

        Assert.Equal("name", error.ParamName);
    }
}
