using System.Runtime.InteropServices;
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
    /// <returns>The days, in date order, each with its sessions; made lazily, a run of days at a time (a run ends once it holds 64 sessions, so that their ids are hashed together).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="blockId"/> or <paramref name="schedule"/> is null.</exception>
    /// <exception cref="SpanTooLongException">The block spans more than <paramref name="maxDays"/> days; thrown here, before anything is produced.</exception>
    public static IEnumerable<ProgramDay> Materialize(string blockId, BlockSchedule schedule, int maxDays = DefaultMaxDays)
    {
        ArgumentNullException.ThrowIfNull(blockId);
        var days = Expand(schedule, maxDays);
        return Iterate(blockId, days);

        static IEnumerable<ProgramDay> Iterate(string blockId, PlannedDays days)
        {
            // Days are made in runs so that the ids of their rows are hashed together, eight at a time
            // (DeterministicIds.ForDays/ForSessions); a day is yielded once its sessions are all there.
            var run = new DayRun(blockId, days.Count);
            foreach (var planned in days)
            {
                run.Add(planned);
                if (run.SessionCount >= DayRun.SessionsPerRun)
                {
                    foreach (var day in run.Finish())
                    {
                        yield return day;
                    }
                }
            }

            foreach (var day in run.Finish())
            {
                yield return day;
            }
        }
    }

    internal static ScheduledSession ToEntity(string id, string dayId, int position, PlannedSession session) =>
        ScheduledSession.Materialized(id, dayId, session.TemplateId, position, session.Slot, session.Notes, session.IsCompleted, session.CompletionData);
}

/// <summary>
/// A run of materialised days whose sessions wait for their ids: collected, then given their ids all
/// at once by <see cref="DeterministicIds.ForSessions"/>. Reused run after run.
/// </summary>
internal sealed class DayRun
{
    /// <summary>How many sessions a run collects before it is finished: enough to fill the hash's lanes many times over.</summary>
    public const int SessionsPerRun = 64;

    private readonly string _blockId;
    private readonly List<PlannedDay> _planned;
    private readonly List<LocalDate> _dates;
    private readonly List<string> _sessionDayIds;
    private readonly List<int> _positions;
    private string[] _ids = [];

    /// <summary>Prepares the runs of a block of <paramref name="dayCount"/> days.</summary>
    public DayRun(string blockId, int dayCount)
    {
        _blockId = blockId;

        // Sized for a run of a short block without growing, and no larger than a run needs.
        var capacity = Math.Clamp(dayCount, 1, SessionsPerRun);
        _planned = new List<PlannedDay>(capacity);
        _dates = new List<LocalDate>(capacity);
        _sessionDayIds = new List<string>(capacity);
        _positions = new List<int>(capacity);
    }

    /// <summary>The sessions waiting for their ids.</summary>
    public int SessionCount { get; private set; }

    /// <summary>Queues a day.</summary>
    public void Add(in PlannedDay planned)
    {
        _planned.Add(planned);
        _dates.Add(planned.Date);
        SessionCount += planned.Sessions.Count;
    }

    /// <summary>Makes the queued days and their sessions, ids included, and empties the run.</summary>
    /// <returns>The days, in the order queued, each with its sessions in position order.</returns>
    public ProgramDay[] Finish()
    {
        var dayCount = _planned.Count;
        var days = new ProgramDay[dayCount];
        var ids = Ids(Math.Max(dayCount, SessionCount));
        DeterministicIds.ForDays(_blockId, CollectionsMarshal.AsSpan(_dates), ids[..dayCount]);
        for (var i = 0; i < dayCount; i++)
        {
            var planned = _planned[i];
            days[i] = ProgramDay.Materialized(ids[i], _blockId, planned.Date, planned.Name, planned.Notes, planned.Readiness, planned.Sessions.Count);
            for (var position = 0; position < planned.Sessions.Count; position++)
            {
                _sessionDayIds.Add(ids[i]);
                _positions.Add(position);
            }
        }

        var sessionIds = ids[..SessionCount];
        DeterministicIds.ForSessions(CollectionsMarshal.AsSpan(_sessionDayIds), CollectionsMarshal.AsSpan(_positions), sessionIds);
        var next = 0;
        for (var i = 0; i < dayCount; i++)
        {
            var day = days[i];
            var position = 0;
            foreach (var session in _planned[i].Sessions)
            {
                day.Sessions.Add(ScheduleExpansion.ToEntity(sessionIds[next++], day.Id, position++, session));
            }
        }

        _planned.Clear();
        _dates.Clear();
        _sessionDayIds.Clear();
        _positions.Clear();
        SessionCount = 0;
        return days;
    }

    /// <summary>A buffer for ids, reused from run to run (the strings themselves are handed over).</summary>
    private Span<string> Ids(int count)
    {
        if (_ids.Length < count)
        {
            _ids = new string[Math.Max(count, _ids.Length * 2)];
        }

        return _ids.AsSpan(0, count);
    }
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
