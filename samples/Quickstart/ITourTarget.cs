using UserGroupClient;

namespace Quickstart;

/// <summary>One backend the tour runs against: an embedded emulator or a real server of one dialect.</summary>
internal interface ITourTarget : IAsyncDisposable
{
    /// <summary>What is being toured, for the heading.</summary>
    string Description { get; }

    /// <summary>The service under tour.</summary>
    IUserGroupService Service { get; }

    /// <summary>Member ids the tour may add to groups (empty: the member steps are skipped).</summary>
    IReadOnlyList<string> MemberIds { get; }
}
