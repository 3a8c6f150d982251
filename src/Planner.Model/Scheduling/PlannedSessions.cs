namespace Planner.Model.Scheduling;

/// <summary>
/// The sessions of one planned day, in order: a read-only view over the schedule's own array, with a
/// struct enumerator so that <c>foreach</c> allocates nothing.
/// </summary>
public readonly struct PlannedSessions : IReadOnlyList<PlannedSession>, IEquatable<PlannedSessions>
{
    private readonly PlannedSession[]? _items;

    internal PlannedSessions(PlannedSession[] items) => _items = items;

    /// <summary>The number of sessions.</summary>
    public int Count => _items?.Length ?? 0;

    /// <summary>The session at a position.</summary>
    /// <param name="index">The position, 0-based.</param>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public PlannedSession this[int index] => (_items ?? [])[index];

    /// <summary>The sessions as a span.</summary>
    /// <returns>The span.</returns>
    public ReadOnlySpan<PlannedSession> AsSpan() => _items;

    /// <summary>An enumerator over the sessions, a struct.</summary>
    /// <returns>The enumerator.</returns>
    public ReadOnlySpan<PlannedSession>.Enumerator GetEnumerator() => AsSpan().GetEnumerator();

    IEnumerator<PlannedSession> IEnumerable<PlannedSession>.GetEnumerator() => ((IEnumerable<PlannedSession>)(_items ?? [])).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => (_items ?? []).GetEnumerator();

    /// <summary>Whether both views show the same array.</summary>
    /// <param name="other">The other view.</param>
    /// <returns>Whether they are the same list.</returns>
    public bool Equals(PlannedSessions other) => ReferenceEquals(_items ?? [], other._items ?? []);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PlannedSessions other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_items ?? []);

    /// <summary>Whether both views show the same array.</summary>
    /// <param name="left">One view.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they are the same list.</returns>
    public static bool operator ==(PlannedSessions left, PlannedSessions right) => left.Equals(right);

    /// <summary>Whether the views show different arrays.</summary>
    /// <param name="left">One view.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they are different lists.</returns>
    public static bool operator !=(PlannedSessions left, PlannedSessions right) => !left.Equals(right);
}
