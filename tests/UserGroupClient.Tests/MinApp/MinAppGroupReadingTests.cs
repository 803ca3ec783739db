using System.Text.Json;
using UserGroupClient.MinApp;

namespace UserGroupClient.Tests.MinApp;

/// <summary>How user groups and supergroups are read from either of the server's shapes (ids as numbers or strings, fields left out) and written back.</summary>
public sealed class MinAppGroupReadingTests
{
    private static readonly MinAppJsonContext Json = MinAppJsonContext.Default;

    private static MinAppUserGroup Group(string json) => JsonSerializer.Deserialize(json, Json.MinAppUserGroup)!;

    private static MinAppSuperGroup SuperGroup(string json) => JsonSerializer.Deserialize(json, Json.MinAppSuperGroup)!;

    [Fact]
    public void AUserGroupWithOnlyItsIdHasAnEmptyNameNoMemberCountAndNoParent()
    {
        var group = Group("""{"id": "47"}""");

        Assert.Equal((47L, "", (int?)null, (MinAppGroupReference?)null), (group.Id, group.Name, group.Members, group.Parent));
    }

    [Theory]
    [InlineData("""{"id": 47, "parent": {"id": 1}}""", 1, "")]
    [InlineData("""{"id": 47, "parent": {"id": "1", "name": "Super Group"}, "parent_id": 2, "super_group": {"id": 2, "name": "Other"}}""", 1, "Super Group")]
    [InlineData("""{"id": 47, "parent_id": 3, "super_group": {"id": 4, "name": "Other"}}""", 3, "")]
    [InlineData("""{"id": 47, "parent_id": 3, "super_group": {"id": 3}}""", 3, "")]
    [InlineData("""{"id": 47, "parent_id": "3", "super_group": {"id": "3", "name": "S"}}""", 3, "S")]
    [InlineData("""{"id": 47, "parent_id": 3}""", 3, "")]
    [InlineData("""{"id": 47, "parent": null, "parent_id": null, "super_group": {"id": 5, "name": "S"}}""", 5, "S")]
    [InlineData("""{"id": 47, "super_group": {"id": 5}}""", 5, "")]
    public void TheParentIsReadFromParentThenParentIdThenSuperGroup(string json, long id, string name)
    {
        Assert.Equal(new MinAppGroupReference(id, name), Group(json).Parent);
    }

    [Fact]
    public void AUserGroupIsWrittenInTheDocumentedShapeAndReadBackTheSame()
    {
        var group = new MinAppUserGroup { Id = 47, Name = "User Group", Members = 0, Parent = new MinAppGroupReference(1, "Super Group") };

        var json = JsonSerializer.Serialize(group, Json.MinAppUserGroup);

        Assert.Equal("""{"id":47,"name":"User Group","members":0,"parent":{"id":1,"name":"Super Group"}}""", json);
        var read = Group(json);
        Assert.Equal((47L, "User Group", (int?)0, new MinAppGroupReference(1, "Super Group")), (read.Id, read.Name, read.Members, read.Parent));
    }

    [Fact]
    public void AUserGroupWithoutParentOrMemberCountIsWrittenWithoutThem()
    {
        Assert.Equal("""{"id":8,"name":"x"}""", JsonSerializer.Serialize(new MinAppUserGroup { Id = 8, Name = "x" }, Json.MinAppUserGroup));
    }

    [Fact]
    public void ASuperGroupWithOnlyItsIdHasAnEmptyNameAndNoChildren()
    {
        var superGroup = SuperGroup("""{"id": "52"}""");

        Assert.Equal((52L, "", 0), (superGroup.Id, superGroup.Name, superGroup.ChildCount));
        Assert.Empty(superGroup.Children);
    }

    [Fact]
    public void ChildrenWithoutAnIdAreLeftOutAndChildrenWithoutANameHaveAnEmptyOne()
    {
        var superGroup = SuperGroup("""{"id": 52, "name": "S", "children": [{"id": "51"}, {"name": "no id"}, {"id": 53, "name": null}, {"id": 54, "name": "G"}]}""");

        Assert.Equal([new MinAppGroupReference(51, ""), new MinAppGroupReference(53, ""), new MinAppGroupReference(54, "G")], superGroup.Children);
        Assert.Equal(3, superGroup.ChildCount);
    }

    [Fact]
    public void ANullChildrenTakesTheGroupsFromUserGroup()
    {
        var superGroup = SuperGroup("""{"id": 16, "name": "a", "children": null, "user_group": [{"id": 17, "name": "vvv"}]}""");

        Assert.Equal([new MinAppGroupReference(17, "vvv")], superGroup.Children);
        Assert.Equal(1, superGroup.ChildCount);
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("1.5")]
    [InlineData("true")]
    [InlineData("{}")]
    public void ChildrenThatAreNeitherAnArrayNorACountAreRefused(string children)
    {
        var error = Assert.Throws<JsonException>(() => SuperGroup($$"""{"id": 16, "children": {{children}}}"""));

        Assert.Equal("A supergroup's 'children' is neither an array nor a count.", error.Message);
    }

    [Fact]
    public void ASuperGroupIsWrittenInTheDocumentedShapeAndReadBackTheSame()
    {
        var superGroup = new MinAppSuperGroup { Id = 52, Name = "Super Group", Children = [new MinAppGroupReference(51, "User Group")], ChildCount = 1 };

        var json = JsonSerializer.Serialize(superGroup, Json.MinAppSuperGroup);

        Assert.Equal("""{"id":52,"name":"Super Group","children":[{"id":51,"name":"User Group"}]}""", json);
        var read = SuperGroup(json);
        Assert.Equal((52L, "Super Group", 1), (read.Id, read.Name, read.ChildCount));
        Assert.Equal([new MinAppGroupReference(51, "User Group")], read.Children);
    }
}
