namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>A benchmark that lists items page by page: what the paired run needs to tell whether a page was buffered whole.</summary>
public interface IPagedListing
{
    /// <summary>How many pages one invocation reads.</summary>
    int Pages { get; }

    /// <summary>The size of one full page on the wire, in bytes.</summary>
    Task<long> PageBytesAsync();
}
