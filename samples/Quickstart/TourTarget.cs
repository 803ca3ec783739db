using UserGroupClient;

namespace Quickstart;

/// <summary>One backend the tour runs against: an embedded emulator or a real server of one dialect, and what to dispose after.</summary>
internal sealed class TourTarget : IAsyncDisposable
{
    private readonly IDisposable _client;
    private readonly IAsyncDisposable? _emulator;

    public TourTarget(string description, IUserGroupService service, IReadOnlyList<string> memberIds, IDisposable client, IAsyncDisposable? emulator)
    {
        Description = description;
        Service = service;
        MemberIds = memberIds;
        _client = client;
        _emulator = emulator;
    }

    /// <summary>What is being toured, for the heading.</summary>
    public string Description { get; }

    /// <summary>The service under tour.</summary>
    public IUserGroupService Service { get; }

    /// <summary>Member ids the tour may add to groups (empty: the member steps are skipped).</summary>
    public IReadOnlyList<string> MemberIds { get; }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
