using NodaTime;

namespace Planner.Model;

/// <summary>
/// One calendar date of a block: its sessions, and what the athlete noted that day.
/// </summary>
/// <remarks>
/// Each day carries its own concurrency token (<see cref="ConcurrencyStamp"/>), renewed whenever one
/// of its values changes: two people editing two different days of one program both succeed, two
/// editing the same day make the second save fail with <c>DbUpdateConcurrencyException</c>.
/// </remarks>
public class ProgramDay
{
    private string? _name;
    private string? _notes;
    private int? _readiness;
    private LocalDate _date;
    private string _blockId = string.Empty;
    private ProgramBlock? _block;

    /// <summary>Creates a day with a fresh <see cref="ConcurrencyStamp"/>.</summary>
    public ProgramDay()
    {
        ConcurrencyStamp = ConcurrencyStamps.New();
        Sessions = new List<ScheduledSession>();
    }

    // The constructor of materialised rows: no fresh stamp, the session list sized for the day. Its
    // parameter names no property, so EF Core never binds it and keeps using the public constructor.
    private ProgramDay(int sessionCapacity)
    {
        ConcurrencyStamp = ConcurrencyStamps.Initial;
        Sessions = new List<ScheduledSession>(sessionCapacity);
    }

    /// <summary>The day's id, unique across all programs.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The id of the block this day belongs to.</summary>
    public string BlockId
    {
        get => _blockId;
        set => Change(ref _blockId, value);
    }

    /// <summary>The block this day belongs to.</summary>
    /// <remarks>
    /// Setting it to a block with an id also sets <see cref="BlockId"/>, so that moving a day renews its
    /// <see cref="ConcurrencyStamp"/>. Moving it between two blocks' <see cref="ProgramBlock.Days"/>
    /// collections does not: EF Core writes the key without the setter.
    /// </remarks>
    public ProgramBlock? Block
    {
        get => _block;
        set
        {
            _block = value;
            if (!string.IsNullOrEmpty(value?.Id))
            {
                BlockId = value.Id;
            }
        }
    }

    /// <summary>The calendar date; a block has at most one day per date.</summary>
    public LocalDate Date
    {
        get => _date;
        set => Change(ref _date, value);
    }

    /// <summary>An optional name for the day ("Long Run Day").</summary>
    public string? Name
    {
        get => _name;
        set => Change(ref _name, value);
    }

    /// <summary>Optional daily notes.</summary>
    public string? Notes
    {
        get => _notes;
        set => Change(ref _notes, value);
    }

    /// <summary>Morning readiness, 1 to 10, if the athlete gave one.</summary>
    public int? Readiness
    {
        get => _readiness;
        set => Change(ref _readiness, value);
    }

    /// <summary>
    /// The day's concurrency token: a new value whenever the day's own values change. Managed by the
    /// entity, so it works on every provider (SQLite included).
    /// </summary>
    public string ConcurrencyStamp { get; set; }

    /// <summary>The sessions planned on this day, ordered by <see cref="ScheduledSession.Position"/>.</summary>
    public ICollection<ScheduledSession> Sessions { get; set; }

    /// <summary>
    /// A day materialised from a schedule or converted from legacy data: its values written straight to
    /// the fields, with the <see cref="ConcurrencyStamps.Initial"/> stamp, so the same input gives the
    /// same row without renewing a stamp per value.
    /// </summary>
    internal static ProgramDay Materialized(string id, string blockId, LocalDate date, string? name, string? notes, int? readiness, int sessionCapacity) =>
        new(sessionCapacity)
        {
            Id = id,
            _blockId = blockId,
            _date = date,
            _name = name,
            _notes = notes,
            _readiness = readiness,
        };

    private void Change<T>(ref T field, T value)
    {
        if (EqualityComparer<T>.Default.Equals(field, value))
        {
            return;
        }

        field = value;
        ConcurrencyStamp = ConcurrencyStamps.New();
    }
}
