using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>The days of an expanded block: a lazy, allocation-free stream (enumerate with <c>foreach</c>).</summary>
public readonly struct PlannedDays : IEnumerable<PlannedDay>
{
    private readonly BlockSchedule _schedule;

    internal PlannedDays(BlockSchedule schedule) => _schedule = schedule;

    /// <summary>The number of days.</summary>
    public int Count => _schedule?.DayCount ?? 0;

    /// <summary>An enumerator over the days, a struct: enumerating allocates nothing.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_schedule);

    IEnumerator<PlannedDay> IEnumerable<PlannedDay>.GetEnumerator() => GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates the days of a block, in date order.</summary>
    /// <remarks>
    /// Keeps a running date, a running offset into the pattern's precomputed period and a cursor into
    /// the date-sorted overrides, so each step is a table lookup: no hashing, no date arithmetic
    /// beyond the next day, no allocation.
    /// </remarks>
    public struct Enumerator : IEnumerator<PlannedDay>
    {
        private readonly PlannedSession[][] _table;
        private readonly DayOverride[] _overrides;
        private readonly LocalDate _start;
        private readonly int _count;
        private int _index;
        private int _offset;
        private int _nextOverride;
        private LocalDate _date;
        private PlannedDay _current;

        internal Enumerator(BlockSchedule? schedule)
        {
            _table = schedule?.PeriodTable ?? [];
            _overrides = schedule?.OverridesInRange ?? [];
            _start = schedule?.Start ?? default;
            _count = schedule?.DayCount ?? 0;
            _index = -1;
            _offset = -1;
            _nextOverride = 0;
            _date = _start;
            _current = default;
        }

        /// <inheritdoc />
        public readonly PlannedDay Current => _current;

        readonly object System.Collections.IEnumerator.Current => _current;

        /// <inheritdoc />
        public bool MoveNext()
        {
            if (_index + 1 >= _count)
            {
                return false;
            }

            // The date advances only when a next day exists, so a block ending on 9999-12-31 never overflows.
            if (++_index > 0)
            {
                _date = _date.PlusDays(1);
            }

            if (++_offset == _table.Length)
            {
                _offset = 0;
            }

            var sessions = _table[_offset];
            if (_nextOverride < _overrides.Length && _overrides[_nextOverride].Date == _date)
            {
                var dayOverride = _overrides[_nextOverride++];
                sessions = dayOverride.Kind switch
                {
                    DayOverrideKind.Replace => dayOverride.SessionArray,
                    DayOverrideKind.Rest => [],
                    _ => sessions,
                };
                _current = new PlannedDay(_date, new PlannedSessions(sessions), dayOverride.Name, dayOverride.Notes, dayOverride.Readiness);
            }
            else
            {
                _current = new PlannedDay(_date, new PlannedSessions(sessions), null, null, null);
            }

            return true;
        }

        /// <inheritdoc />
        public void Reset()
        {
            _index = -1;
            _offset = -1;
            _nextOverride = 0;
            _date = _start;
            _current = default;
        }

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}
