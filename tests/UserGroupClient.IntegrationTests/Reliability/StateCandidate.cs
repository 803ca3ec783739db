namespace UserGroupClient.IntegrationTests.Reliability;

/// <summary>
/// A state the emulator may be in after an operation failed: the known groups exactly, plus (for a create) one new
/// group whose id the test cannot know in advance.
/// </summary>
internal sealed record StateCandidate(IReadOnlyDictionary<string, GroupState> Known, GroupState? NewGroup = null)
{
    public bool Matches(IReadOnlyDictionary<string, GroupState> actual)
    {
        var extra = NewGroup is null ? 0 : 1;
        if (actual.Count != Known.Count + extra || Known.Any(pair => !actual.TryGetValue(pair.Key, out var group) || group != pair.Value))
        {
            return false;
        }

        return NewGroup is null || actual.Single(pair => !Known.ContainsKey(pair.Key)).Value == NewGroup;
    }
}
