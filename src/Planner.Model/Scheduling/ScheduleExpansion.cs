using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>Expands a block's schedule into its days and sessions.</summary>
public static class ScheduleExpansion
{
    /// <summary>The longest span expanded unless the caller says otherwise: 3,660 days (ten years).</summary>
    public const int DefaultMaxDays = 3660;

    /// <summary>
    /// Every date of the block, in order, each with its sessions: a lazy stream that allocates
    /// nothing per day (enumerate it with <c>foreach</c>).
    /// </summary>
    /// <param name="schedule">The block's schedule.</param>
    /// <param name="maxDays">The longest span allowed, in days; at least 1.</param>
    /// <returns>The days.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDays"/> is below 1.</exception>
    /// <exception cref="SpanTooLongException">The block spans more than <paramref name="maxDays"/> days; thrown here, before anything is produced.</exception>
    public static PlannedDays Expand(BlockSchedule schedule, int maxDays = DefaultMaxDays)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDays, 1);
        if (schedule.DayCount > maxDays)
        {
            throw new SpanTooLongException(schedule.Start, schedule.End, maxDays);
        }

        return new PlannedDays(schedule);
    }

    /// <summary>
    /// Makes the block's <see cref="ProgramDay"/> and <see cref="ScheduledSession"/> entities, with
    /// deterministic ids derived from the block's id, the date and the position, one day per date
    /// (rest days included).
    /// </summary>
    /// <param name="blockId">The block's id.</param>
    /// <param name="schedule">The block's schedule.</param>
    /// <param name="maxDays">The longest span allowed, in days.</param>
    /// <returns>The days, in date order, each with its sessions; made lazily, one day at a time.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="blockId"/> or <paramref name="schedule"/> is null.</exception>
    /// <exception cref="SpanTooLongException">The block spans more than <paramref name="maxDays"/> days; thrown here, before anything is produced.</exception>
    public static IEnumerable<ProgramDay> Materialize(string blockId, BlockSchedule schedule, int maxDays = DefaultMaxDays)
    {
        ArgumentNullException.ThrowIfNull(blockId);
        var days = Expand(schedule, maxDays);
        return Iterate(blockId, days);

        static IEnumerable<ProgramDay> Iterate(string blockId, PlannedDays days)
        {
            // The block's prefix is taken once; each day's and session's id is then a few bit operations (DeterministicIds).
            var block = DeterministicIds.BlockIdBits.Of(blockId);
            foreach (var planned in days)
            {
                var dayBits = block.Day(planned.Date, 0);
                var day = ProgramDay.Materialized(dayBits.ToString(), blockId, planned.Date, planned.Name, planned.Notes, planned.Readiness, planned.Sessions.Count);
                var position = 0;
                foreach (var session in planned.Sessions)
                {
                    day.Sessions.Add(ToEntity(dayBits.Session(position, 0).ToString(), day.Id, position, session));
                    position++;
                }

                yield return day;
            }
        }
    }

    internal static ScheduledSession ToEntity(string id, string dayId, int position, PlannedSession session) =>
        ScheduledSession.Materialized(id, dayId, session.TemplateId, position, session.Slot, session.Notes, session.IsCompleted, session.CompletionData);
}

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
