namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// Kylin's <c>PagingUtil</c> cut over <c>List.subList</c>: past the end is empty, an end past the end is clipped, and
/// what is left of Java's own checks (negative start, start after end) throws as <c>subList</c> does.
/// </summary>
internal static class KylinJavaPaging
{
    /// <summary>The rows from <paramref name="begin"/> to <paramref name="end"/>, or the Java exception <c>subList</c> throws.</summary>
    public static (List<T>? Page, JavaFailure? Failure) Cut<T>(List<T> items, long begin, long end)
    {
        if (begin >= items.Count)
        {
            return ([], null);
        }

        end = Math.Min(end, items.Count);
        if (begin < 0)
        {
            return (null, new JavaFailure("java.lang.IndexOutOfBoundsException", $"fromIndex = {begin}"));
        }

        return begin > end
            ? (null, new JavaFailure("java.lang.IllegalArgumentException", $"fromIndex({begin}) > toIndex({end})"))
            : (items.GetRange((int)begin, (int)(end - begin)), null);
    }
}

/// <summary>A Java exception the emulated server would throw: its class name and message.</summary>
internal sealed record JavaFailure(string ExceptionType, string Message)
{
    public bool IsIllegalArgument => ExceptionType == "java.lang.IllegalArgumentException";
}
