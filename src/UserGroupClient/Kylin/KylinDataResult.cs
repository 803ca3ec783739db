namespace UserGroupClient.Kylin;

/// <summary>The <c>data</c> of a v4-public list (<c>DataResult</c>): one page and the total before paging.</summary>
internal sealed record KylinDataResult<T>
{
    public List<T>? Value { get; init; }

    public int TotalSize { get; init; }
}
