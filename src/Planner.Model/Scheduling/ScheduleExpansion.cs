using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>Expands a block's schedule into its days and sessions.</summary>
public static class ScheduleExpansion
{
    /// <summary>The longest span expanded unless the caller says otherwise: 3,660 days (ten years).</summary>
    public const int DefaultMaxDays = 3660;

    /// <summary>
    /// Every date of the block, in order, each with its sessions: a lazy stream that allocates
    /// nothing per day.
    /// </summary>
    /// <param name="schedule">The block's schedule.</param>
    /// <param name="maxDays">The longest span allowed.</param>
    /// <returns>The days.</returns>
    /// <exception cref="SpanTooLongException">The block spans more than <paramref name="maxDays"/> days; thrown before anything is produced.</exception>
    public static PlannedDays Expand(BlockSchedule schedule, int maxDays = DefaultMaxDays)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.DayCount > maxDays)
        {
            throw new SpanTooLongException(schedule.Start, schedule.End, maxDays);
        }

        return new PlannedDays(schedule);
    }

    /// <summary>
    /// Makes the block's <see cref="ProgramDay"/> and <see cref="ScheduledSession"/> entities, with
    /// deterministic ids derived from the block's id, the date and the position.
    /// </summary>
    /// <param name="blockId">The block's id.</param>
    /// <param name="schedule">The block's schedule.</param>
    /// <param name="maxDays">The longest span allowed.</param>
    /// <returns>The days, in date order, each with its sessions.</returns>
    /// <exception cref="SpanTooLongException">The block spans more than <paramref name="maxDays"/> days.</exception>
    public static IEnumerable<ProgramDay> Materialize(string blockId, BlockSchedule schedule, int maxDays = DefaultMaxDays)
    {
        ArgumentNullException.ThrowIfNull(blockId);
        var days = Expand(schedule, maxDays);
        return Iterate(blockId, days);

        static IEnumerable<ProgramDay> Iterate(string blockId, PlannedDays days)
        {
            foreach (var planned in days)
            {
                yield return ToEntity(blockId, planned);
            }
        }
    }

    internal static ProgramDay ToEntity(string blockId, in PlannedDay planned)
    {
        var dayId = DeterministicIds.ForDay(blockId, planned.Date);
        var day = new ProgramDay
        {
            Id = dayId,
            BlockId = blockId,
            Date = planned.Date,
            Name = planned.Name,
            Notes = planned.Notes,
            Readiness = planned.Readiness,
        };
        for (var position = 0; position < planned.Sessions.Count; position++)
        {
            var session = planned.Sessions[position];
            day.Sessions.Add(new ScheduledSession
            {
                Id = DeterministicIds.ForSession(dayId, position),
                DayId = dayId,
                SessionTemplateId = session.TemplateId,
                Position = position,
                Slot = session.Slot,
                Notes = session.Notes,
                IsCompleted = session.IsCompleted,
                CompletionData = session.CompletionData,
                ConcurrencyStamp = ConcurrencyStamps.Initial,
            });
        }

        // Materialised rows are deterministic, tokens included; the first edit renews them.
        day.ConcurrencyStamp = ConcurrencyStamps.Initial;
        return day;
    }
}

/// <summary>The days of an expanded block: a lazy, allocation-free stream (enumerate with <c>foreach</c>).</summary>
public readonly struct PlannedDays : IEnumerable<PlannedDay>
{
    private readonly BlockSchedule _schedule;

    internal PlannedDays(BlockSchedule schedule) => _schedule = schedule;

    /// <summary>The number of days.</summary>
    public int Count => _schedule.DayCount;

    /// <summary>An enumerator over the days, a struct: enumerating allocates nothing.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_schedule);

    IEnumerator<PlannedDay> IEnumerable<PlannedDay>.GetEnumerator() => GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates the days of a block, in date order.</summary>
    public struct Enumerator : IEnumerator<PlannedDay>
    {
        private readonly BlockSchedule _schedule;
        private readonly int _count;
        private int _index;
        private PlannedDay _current;

        internal Enumerator(BlockSchedule schedule)
        {
            _schedule = schedule;
            _count = schedule.DayCount;
            _index = -1;
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

            _index++;
            var date = _schedule.Start.PlusDays(_index);
            var sessions = _schedule.Pattern.SessionsOn(date, _schedule.Start);
            if (_schedule.Overrides.Count > 0 && _schedule.Overrides.TryGetValue(date, out var dayOverride))
            {
                sessions = dayOverride.Kind switch
                {
                    DayOverrideKind.Replace => dayOverride.Sessions,
                    DayOverrideKind.Rest => Array.Empty<PlannedSession>(),
                    _ => sessions,
                };
                _current = new PlannedDay(date, sessions, dayOverride.Name, dayOverride.Notes, dayOverride.Readiness);
            }
            else
            {
                _current = new PlannedDay(date, sessions, null, null, null);
            }

            return true;
        }

        /// <inheritdoc />
        public void Reset()
        {
            _index = -1;
            _current = default;
        }

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}
