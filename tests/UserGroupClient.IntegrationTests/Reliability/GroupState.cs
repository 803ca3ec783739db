namespace UserGroupClient.IntegrationTests.Reliability;

/// <summary>One group as the test sees it: name, comment ("" when none) and member ids sorted and joined, so records compare by value.</summary>
internal sealed record GroupState(string Name, string Comment, string Members)
{
    public static GroupState Of(string name, string? comment, IEnumerable<string> members) =>
        new(name, comment ?? string.Empty, string.Join(',', members.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));

    public IReadOnlyList<string> MemberIds => Members.Length == 0 ? [] : Members.Split(',');

    public GroupState WithMembers(IEnumerable<string> members) => Of(Name, Comment, members);
}
