using System.Xml.Linq;
using UserGroupClient.MinApp;

namespace UserGroupClient.Tests.MinApp;

/// <summary>
/// What differs on MinApp is documented on the public members IntelliSense shows (the facade class is internal, so its
/// comments never reach a caller): read from the XML documentation file that ships beside the assembly.
/// </summary>
public sealed class MinAppDocumentationTests
{
    private static readonly XDocument Documentation = XDocument.Load(Path.ChangeExtension(typeof(MinAppClient).Assembly.Location, ".xml"));

    [Fact]
    public void AsUserGroupServiceDocumentsNamesSearchSetMembersAndRaces()
    {
        var doc = Member("M:UserGroupClient.MinApp.MinAppClient.AsUserGroupService");
        var summary = doc.Element("summary")!;

        Assert.Contains(Crefs(summary), cref => cref == "P:UserGroupClient.UserGroupCapabilities.UniqueNames");
        Assert.Contains(Crefs(summary), cref => cref.StartsWith("M:UserGroupClient.IUserGroupService.FindGroupByNameAsync(", StringComparison.Ordinal));
        Assert.Contains(Crefs(summary), cref => cref == "P:UserGroupClient.UserGroupQuery.Search");
        Assert.Contains(Crefs(summary), cref => cref.StartsWith("M:UserGroupClient.IUserGroupService.SetMembersAsync(", StringComparison.Ordinal));
        Assert.Contains("one request per 1000 groups", Text(summary), StringComparison.Ordinal);
        Assert.Contains("race", Text(summary), StringComparison.Ordinal);
        var remarks = Text(doc.Element("remarks")!);
        Assert.Contains("Names are not unique", remarks, StringComparison.Ordinal);
        Assert.Contains("then sends one PATCH", remarks, StringComparison.Ordinal);
        Assert.Contains("a rename by another client in between is undone", remarks, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTypedApisSayNamesAreNotUniqueAndHowToFindByName()
    {
        Assert.Contains("Names are not unique", Text(Member("M:UserGroupClient.MinApp.IMinAppUserGroupsApi.CreateAsync(")), StringComparison.Ordinal);
        Assert.Contains("no name filter", Text(Member("M:UserGroupClient.MinApp.IMinAppUserGroupsApi.ListAllAsync(")), StringComparison.Ordinal);
        Assert.Contains("another client's change", Text(Member("M:UserGroupClient.MinApp.IMinAppMembershipApi.PatchAsync(")), StringComparison.Ordinal);
    }

    private static XElement Member(string namePrefix) =>
        Assert.Single(Documentation.Descendants("member"), member => ((string)member.Attribute("name")!).StartsWith(namePrefix, StringComparison.Ordinal));

    private static IEnumerable<string> Crefs(XElement element) =>
        element.Descendants("see").Select(see => (string?)see.Attribute("cref")).OfType<string>();

    // The comment's words with line breaks and indentation collapsed to single spaces.
    private static string Text(XElement element) =>
        string.Join(" ", element.DescendantNodes().OfType<XText>().SelectMany(text => text.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
}
