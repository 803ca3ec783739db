using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.MinApp;

/// <summary>
/// What differs on MinApp is documented on the public members IntelliSense shows (the facade class is internal, so its
/// comments never reach a caller): read from the XML documentation file that ships beside the assembly.
/// </summary>
public sealed class MinAppDocumentationTests
{
    [Fact]
    public void AsUserGroupServiceDocumentsNamesSearchSetMembersAndRaces()
    {
        var doc = PublicDocs.Member("M:UserGroupClient.MinApp.MinAppClient.AsUserGroupService");
        var summary = doc.Element("summary")!;

        Assert.Contains(PublicDocs.Crefs(summary), cref => cref == "P:UserGroupClient.UserGroupCapabilities.UniqueNames");
        Assert.Contains(PublicDocs.Crefs(summary), cref => cref.StartsWith("M:UserGroupClient.IUserGroupService.FindGroupByNameAsync(", StringComparison.Ordinal));
        Assert.Contains(PublicDocs.Crefs(summary), cref => cref == "P:UserGroupClient.UserGroupQuery.Search");
        Assert.Contains(PublicDocs.Crefs(summary), cref => cref.StartsWith("M:UserGroupClient.IUserGroupService.SetMembersAsync(", StringComparison.Ordinal));
        Assert.Contains("one request per 1000 groups", PublicDocs.Text(summary), StringComparison.Ordinal);
        Assert.Contains("race", PublicDocs.Text(summary), StringComparison.Ordinal);
        var remarks = PublicDocs.Text(doc.Element("remarks")!);
        Assert.Contains("Names are not unique", remarks, StringComparison.Ordinal);
        Assert.Contains("then sends one PATCH", remarks, StringComparison.Ordinal);
        Assert.Contains("a rename by another client in between is undone", remarks, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTypedApisSayNamesAreNotUniqueAndHowToFindByName()
    {
        Assert.Contains("Names are not unique", PublicDocs.Text(PublicDocs.Member("M:UserGroupClient.MinApp.IMinAppUserGroupsApi.CreateAsync(")), StringComparison.Ordinal);
        Assert.Contains("no name filter", PublicDocs.Text(PublicDocs.Member("M:UserGroupClient.MinApp.IMinAppUserGroupsApi.ListAllAsync(")), StringComparison.Ordinal);
        Assert.Contains("another client's change", PublicDocs.Text(PublicDocs.Member("M:UserGroupClient.MinApp.IMinAppMembershipApi.PatchAsync(")), StringComparison.Ordinal);
    }
}
