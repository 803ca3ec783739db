using UserGroupClient.JumpServer;
using UserGroupClient.Resilience;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// A fake server for <see cref="CreateRecovery"/>: the groups it holds, what each create attempt gets, and when each
/// create and each lookup reached it, by a clock that moves only when the test moves it; the clock moves straight to each backoff the recovery begins after a create (<see cref="ManualClock"/>).
/// </summary>
internal sealed class RecoveryServer
{
    private int _nextId;

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>The groups on the server.</summary>
    public List<UserGroup> Groups { get; } = [];

    /// <summary>
    /// What create attempt n (0-based) gets: <see langword="null"/> creates the group and answers with it; an exception
    /// is the failure the caller sees, and nothing was created unless <see cref="CreatedThenLost"/> says so.
    /// </summary>
    public Func<int, Exception?> Answer { get; init; } = _ => null;

    /// <summary>Whether a create that fails did create the group first (its answer was lost on the way back).</summary>
    public Func<int, bool> CreatedThenLost { get; init; } = _ => false;

    /// <summary>When each create reached the server, from the start.</summary>
    public List<TimeSpan> Creates { get; } = [];

    public int Lookups { get; private set; }

    public TimeSpan Elapsed => Clock.Elapsed;

    public CreateRecovery Recovery(Action<UserGroupResilienceOptions> configure)
    {
        var options = new UserGroupResilienceOptions { TotalTimeout = TimeSpan.FromSeconds(100) };
        configure(options);
        return new CreateRecovery(options, Clock, JumpServerErrorMapper.Instance);
    }

    public UserGroup Add(string name)
    {
        var group = new UserGroup($"g{_nextId++}", name);
        Groups.Add(group);
        return group;
    }

    public Task<UserGroup> CreateAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var attempt = Creates.Count;
        Creates.Add(Elapsed);
        Clock.Arrived();
        if (Answer(attempt) is not { } failure)
        {
            return Task.FromResult(Add("ops"));
        }

        if (CreatedThenLost(attempt))
        {
            Add("ops");
        }

        return Task.FromException<UserGroup>(failure);
    }

    public async Task<UserGroup?> FindAsync(CancellationToken cancellationToken) =>
        (await FindAllAsync(cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyCollection<UserGroup>> FindAllAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Lookups++;
        return Task.FromResult<IReadOnlyCollection<UserGroup>>([.. Groups.Where(g => g.Name == "ops")]);
    }

    /// <summary>Runs <paramref name="call"/> to its end, moving the clock to each backoff it begins.</summary>
    public Task<T> Drive<T>(Task<T> call) => Clock.RunAsync(call);
}
