namespace Planner.Model.Planning;

/// <summary>
/// A partial edit of a day's own values: each field unset (the default) stays as it is, each set one is
/// written (<see langword="null"/> clears it). <c>new DayEdit { Readiness = 7 }</c> writes the readiness only.
/// </summary>
public sealed record DayEdit
{
    /// <summary>The day's name; set to <see langword="null"/> for none.</summary>
    public Optional<string?> Name { get; init; }

    /// <summary>The day's notes; set to <see langword="null"/> for none.</summary>
    public Optional<string?> Notes { get; init; }

    /// <summary>The morning readiness, 1 to 10; set to <see langword="null"/> for none.</summary>
    public Optional<int?> Readiness { get; init; }

    /// <summary>Whether no field is set (the edit changes nothing).</summary>
    public bool IsEmpty => !Name.IsSet && !Notes.IsSet && !Readiness.IsSet;
}
