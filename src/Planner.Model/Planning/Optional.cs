namespace Planner.Model.Planning;

/// <summary>
/// A field of a partial edit: either unset (<c>default</c>: the field stays as it is) or set to a value,
/// which may be <see langword="null"/> to clear it. A value converts implicitly:
/// <c>new DayEdit { Name = "Intervals", Readiness = null }</c> sets the name, clears the readiness and
/// leaves the notes alone.
/// </summary>
/// <typeparam name="T">The field's type.</typeparam>
public readonly record struct Optional<T>
{
    private readonly T _value;

    /// <summary>Sets the field to a value (the named form of the implicit conversion).</summary>
    /// <param name="value">The value (which may be null, to clear the field).</param>
    public Optional(T value)
    {
        _value = value;
        IsSet = true;
    }

    /// <summary>Whether the field is set (to be written).</summary>
    public bool IsSet { get; }

    /// <summary>The value to write.</summary>
    /// <exception cref="InvalidOperationException">The field is unset.</exception>
    public T Value => IsSet ? _value : throw new InvalidOperationException("The field is unset: it has no value to write.");

    /// <summary>Sets the field to a value (which may be null, to clear it).</summary>
    /// <param name="value">The value.</param>
    public static implicit operator Optional<T>(T value) => new(value);

    /// <summary>The value if set, otherwise <paramref name="current"/>.</summary>
    /// <param name="current">The field's current value.</param>
    /// <returns>The value to keep.</returns>
    public T Or(T current) => IsSet ? _value : current;

    /// <inheritdoc/>
    public override string ToString() => IsSet ? $"{_value}" : "(unset)";
}
