namespace UserGroupClient.Testing.Hosting;

/// <summary>
/// Every request an emulator received, in arrival order, including the ones it rejected.
/// An entry is added before the response reaches the client, so it is visible as soon as the client's call returns.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class RequestJournal
{
    private readonly object sync = new();
    private readonly List<RecordedRequest> entries = [];

    internal RequestJournal()
    {
    }

    /// <summary>A snapshot of the recorded requests, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Entries
    {
        get
        {
            lock (sync)
            {
                return entries.ToArray();
            }
        }
    }

    /// <summary>Forgets every recorded request.</summary>
    public void Clear()
    {
        lock (sync)
        {
            entries.Clear();
        }
    }

    internal void Add(RecordedRequest request)
    {
        lock (sync)
        {
            entries.Add(request);
        }
    }
}
