namespace Planner.Migration.Legacy;

/// <summary>How bad a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Something a person should know; the program converts all the same.</summary>
    Warning,

    /// <summary>The program cannot be converted: it yields no rows.</summary>
    Error,
}
