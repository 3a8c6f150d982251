using NodaTime;
using static Planner.Model.Scheduling.IsoDates;

namespace Planner.Model.Scheduling;

/// <summary>A block's dates (an inclusive range), its pattern and its per-date overrides.</summary>
/// <remarks>Immutable; safe to expand from several threads at once.</remarks>
public sealed class BlockSchedule
{
    private readonly Dictionary<LocalDate, DayOverride> _overrides;
    private readonly DayOverride[] _overridesInRange;
    private PlannedSession[][]? _periodTable;

    /// <summary>Creates a block schedule.</summary>
    /// <param name="start">The first date.</param>
    /// <param name="end">The last date (inclusive).</param>
    /// <param name="pattern">The pattern; <see langword="null"/> for rest days only.</param>
    /// <param name="overrides">Per-date overrides; at most one per date. Overrides outside the range are kept but never expanded.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>, a date is not in the ISO calendar, or two overrides share a date.</exception>
    /// <exception cref="ArgumentNullException">An override is null.</exception>
    public BlockSchedule(LocalDate start, LocalDate end, SchedulePattern? pattern = null, IEnumerable<DayOverride>? overrides = null)
    {
        if (end < start)
        {
            throw new ArgumentException($"The end date {FormatIso(end)} is before the start date {FormatIso(start)}.", nameof(end));
        }

        if (start.Calendar != CalendarSystem.Iso || end.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("Block dates must be in the ISO calendar.", nameof(start));
        }

        Start = start;
        End = end;
        Pattern = pattern ?? WeeklyPattern.Rest;
        _overrides = new Dictionary<LocalDate, DayOverride>();
        foreach (var item in overrides ?? [])
        {
            ArgumentNullException.ThrowIfNull(item, nameof(overrides));
            if (!_overrides.TryAdd(item.Date, item))
            {
                throw new ArgumentException($"Two overrides for {FormatIso(item.Date)}.", nameof(overrides));
            }
        }

        // Sorted, so the enumerator walks them with a cursor instead of a hash lookup per day.
        _overridesInRange = _overrides.Values.Where(o => o.Date >= start && o.Date <= end).OrderBy(o => o.Date).ToArray();
    }

    /// <summary>The first date.</summary>
    public LocalDate Start { get; }

    /// <summary>The last date (inclusive).</summary>
    public LocalDate End { get; }

    /// <summary>The pattern.</summary>
    public SchedulePattern Pattern { get; }

    /// <summary>The overrides, by date.</summary>
    public IReadOnlyDictionary<LocalDate, DayOverride> Overrides => _overrides;

    /// <summary>The number of dates in the range.</summary>
    public int DayCount => Period.DaysBetween(Start, End) + 1;

    /// <summary>The overrides within the range, by date.</summary>
    internal DayOverride[] OverridesInRange => _overridesInRange;

    /// <summary>The ids of every template the schedule's pattern and its overrides in range name, in ordinal order, once each.</summary>
    internal IReadOnlyList<string> TemplateIds() =>
        PeriodTable.SelectMany(day => day).Concat(_overridesInRange.SelectMany(o => o.SessionArray))
            .Select(s => s.TemplateId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>One period of the pattern, starting at <see cref="Start"/>; built once, on first use.</summary>
    internal PlannedSession[][] PeriodTable => _periodTable ??= Pattern.PeriodTable(Start.DayOfWeek);
}
