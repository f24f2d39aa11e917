namespace HighRisk.Rules;

/// <summary>A catalogue file that cannot be used. The message names the file, the line and the problem.</summary>
public sealed class CatalogueException : Exception
{
    public CatalogueException()
    {
    }

    public CatalogueException(string message)
        : base(message)
    {
    }

    public CatalogueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CatalogueException(string sourceName, int line, string problem, Exception? innerException = null)
        : base($"{sourceName}, line {line}: {problem}", innerException)
    {
        SourceName = sourceName;
        Line = line;
        Problem = problem;
    }

    public string? SourceName { get; }

    /// <summary>1-based line of the offending entry (0 when unknown).</summary>
    public int Line { get; }

    public string? Problem { get; }
}
