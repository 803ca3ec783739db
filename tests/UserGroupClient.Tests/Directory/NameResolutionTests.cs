namespace UserGroupClient.Tests.Directory;

/// <summary>
/// How a directory resolves user names over its one listing: each name once, compared as the server compares names;
/// a name no entry carries is unknown, one that several carry is ambiguous; nothing is listed for no names, and a bad
/// name is refused before anything is listed.
/// </summary>
public sealed class NameResolutionTests
{
    [Fact]
    public async Task EachNameResolvesToTheIdOfTheOneEntryCarryingIt()
    {
        var directory = new ListedDirectory(StringComparison.Ordinal, ("u-1", "alice"), ("u-2", "bob"), ("u-3", "carol"));

        var resolution = await directory.ResolveUserNamesAsync(["bob", "alice"]);

        Assert.Equal(new Dictionary<string, string> { ["bob"] = "u-2", ["alice"] = "u-1" }, resolution.Ids);
        Assert.Empty(resolution.Unknown);
        Assert.Empty(resolution.Ambiguous);
        Assert.True(resolution.IsComplete);
        Assert.Equal(1, directory.Listings);
    }

    [Fact]
    public async Task ANameNoEntryCarriesIsUnknownInTheOrderGiven()
    {
        var directory = new ListedDirectory(StringComparison.Ordinal, ("u-1", "alice"));

        var resolution = await directory.ResolveUserNamesAsync(["zed", "alice", "ghost"]);

        Assert.Equal(["zed", "ghost"], resolution.Unknown);
        Assert.Equal("u-1", Assert.Single(resolution.Ids).Value);
        Assert.Empty(resolution.Ambiguous);
        Assert.False(resolution.IsComplete);
    }

    [Fact]
    public async Task ANameSeveralEntriesCarryIsAmbiguousAndNotResolved()
    {
        var directory = new ListedDirectory(StringComparison.Ordinal, ("h-1", "web"), ("h-2", "web"), ("h-3", "db"));

        var resolution = await directory.ResolveUserNamesAsync(["web", "db"]);

        Assert.Equal(["web"], resolution.Ambiguous);
        Assert.Equal(new Dictionary<string, string> { ["db"] = "h-3" }, resolution.Ids);
        Assert.Empty(resolution.Unknown);
        Assert.False(resolution.IsComplete);
    }

    [Fact]
    public async Task NamesAreComparedAsTheServerComparesThem()
    {
        var ignoringCase = new ListedDirectory(StringComparison.OrdinalIgnoreCase, ("u-1", "Alice"), ("u-9", "other"));
        var exact = new ListedDirectory(StringComparison.Ordinal, ("u-1", "Alice"));

        var loose = await ignoringCase.ResolveUserNamesAsync(["alice", "ALICE"]);
        var strict = await exact.ResolveUserNamesAsync(["alice", "Alice"]);

        Assert.Equal(new Dictionary<string, string> { ["alice"] = "u-1" }, loose.Ids);
        Assert.Empty(loose.Unknown);
        Assert.Equal(new Dictionary<string, string> { ["Alice"] = "u-1" }, strict.Ids);
        Assert.Equal(["alice"], strict.Unknown);
    }

    [Fact]
    public async Task ANameGivenTwiceIsResolvedOnce()
    {
        var directory = new ListedDirectory(StringComparison.Ordinal, ("u-1", "alice"));

        var resolution = await directory.ResolveUserNamesAsync(["ghost", "alice", "ghost", "alice"]);

        Assert.Equal(["ghost"], resolution.Unknown);
        Assert.Single(resolution.Ids);
    }

    [Fact]
    public async Task NoNamesListNothing()
    {
        var directory = new ListedDirectory(StringComparison.Ordinal, ("u-1", "alice"));

        var resolution = await directory.ResolveUserNamesAsync([]);

        Assert.True(resolution.IsComplete);
        Assert.Empty(resolution.Ids);
        Assert.Equal(0, directory.Listings);
    }

    [Fact]
    public async Task MissingNamesAreRefusedBeforeAnythingIsListed()
    {
        var directory = new ListedDirectory(StringComparison.Ordinal, ("u-1", "alice"));

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => directory.ResolveUserNamesAsync(null!));

        Assert.Equal("userNames", error.ParamName);
        Assert.Equal(0, directory.Listings);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public async Task ABlankNameIsRefusedBeforeAnythingIsListed(string? blank)
    {
        var directory = new ListedDirectory(StringComparison.Ordinal, ("u-1", "alice"));

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => directory.ResolveUserNamesAsync(["alice", blank!]));

        Assert.Equal("userNames", error.ParamName);
        Assert.Equal(0, directory.Listings);
    }

    [Fact]
    public void AResolutionIsCompleteOnlyWithNothingUnknownAndNothingAmbiguous()
    {
        var ids = new Dictionary<string, string>();

        Assert.True(new UserNameResolution(ids, [], []).IsComplete);
        Assert.False(new UserNameResolution(ids, ["ghost"], []).IsComplete);
        Assert.False(new UserNameResolution(ids, [], ["web"]).IsComplete);
    }

    /// <summary>A directory over a fixed listing that counts how often it was listed.</summary>
    private sealed class ListedDirectory(StringComparison comparison, params (string Id, string Name)[] users) : UserDirectory
    {
        public int Listings { get; private set; }

        public override string EntryKind => "user";

        public override StringComparison UserNameComparison => comparison;

        public override async IAsyncEnumerable<DirectoryUser> ListUsersAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Listings++;
            foreach (var (id, name) in users)
            {
                await Task.Yield();
                yield return new DirectoryUser(id, name);
            }
        }
    }
}
