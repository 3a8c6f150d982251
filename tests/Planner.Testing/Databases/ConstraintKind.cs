namespace Planner.Testing.Databases;

/// <summary>The constraint kinds the planner's schema relies on.</summary>
public enum ConstraintKind
{
    /// <summary>A unique index or primary key.</summary>
    Unique,

    /// <summary>A check constraint.</summary>
    Check,

    /// <summary>A foreign key.</summary>
    ForeignKey,

    /// <summary>A NOT NULL column.</summary>
    NotNull,
}
