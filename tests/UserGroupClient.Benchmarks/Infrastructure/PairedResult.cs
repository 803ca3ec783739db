namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>What one process of a paired run measured for one benchmark class; written as JSON beside the exports.</summary>
public sealed record PairedResult(
    string Type,
    string Parameters,
    int Process,
    int OperationsPerBlock,
    string Baseline,
    IReadOnlyList<PairedContender> Contenders,
    long PageBytes,
    int Pages)
{
    public const string FolderName = "paired";
}

/// <summary>One contender's blocks, in the order they ran (round i of every contender ran side by side).</summary>
/// <param name="BlockNanoseconds">Each measured block's duration.</param>
/// <param name="AllocatedBytesPerOperation">Bytes allocated by the process per operation, over all measured blocks.</param>
/// <param name="LargeObjectBytesPerOperation">Large-object-heap bytes per operation in one extra invocation, for a paged listing; otherwise 0.</param>
public sealed record PairedContender(string Method, string Title, IReadOnlyList<double> BlockNanoseconds, double AllocatedBytesPerOperation, double LargeObjectBytesPerOperation);
