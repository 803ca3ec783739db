namespace UserGroupClient.ContractTests.Faults;

/// <summary>
/// The fault contract classes run in this collection, alone, after the others: their attempt timeouts are short, and
/// tests running beside them on a busy machine could make an unscripted answer late.
/// </summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class FaultTests
{
    public const string Collection = "Fault contracts";
}
