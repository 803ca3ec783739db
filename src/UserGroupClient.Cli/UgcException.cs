namespace UserGroupClient.Cli;

/// <summary>A failure the tool reports as it is, in one line, with exit code 1: bad input, configuration, or a refused step.</summary>
internal sealed class UgcException : Exception
{
    public UgcException(string message)
        : base(message)
    {
    }

    public UgcException()
    {
    }

    public UgcException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
