namespace Planner.Model;

/// <summary>
/// A workout planned on a <see cref="ProgramDay"/>, made from a <see cref="SessionTemplate"/>: several
/// per day for AM/PM days, ordered by <see cref="Position"/>.
/// </summary>
/// <remarks>
/// Like a day, a session carries its own concurrency token (<see cref="ConcurrencyStamp"/>), renewed
/// whenever one of its values changes.
/// </remarks>
public class ScheduledSession
{
    private string _dayId = string.Empty;
    private string _sessionTemplateId = string.Empty;
    private int _position;
    private string? _slot;
    private string? _notes;
    private bool _isCompleted;
    private string? _completionData;
    private ProgramDay? _day;
    private SessionTemplate? _sessionTemplate;

    /// <summary>Creates a session with a fresh <see cref="ConcurrencyStamp"/>.</summary>
    public ScheduledSession() => ConcurrencyStamp = ConcurrencyStamps.New();

    // The constructor of materialised rows: no fresh stamp. Its parameter names no property, so EF Core
    // never binds it and keeps using the public constructor.
    private ScheduledSession(string stamp) => ConcurrencyStamp = stamp;

    /// <summary>The session's id, unique across all programs.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The id of the day this session is planned on.</summary>
    public string DayId
    {
        get => _dayId;
        set => Change(ref _dayId, value);
    }

    /// <summary>The day this session is planned on.</summary>
    /// <remarks>
    /// Setting it to a day with an id also sets <see cref="DayId"/>, so that moving a session renews its
    /// <see cref="ConcurrencyStamp"/>. Moving it between two days' <see cref="ProgramDay.Sessions"/>
    /// collections does not: EF Core writes the key without the setter. Move a session by setting
    /// <see cref="Day"/> or <see cref="DayId"/>.
    /// </remarks>
    public ProgramDay? Day
    {
        get => _day;
        set
        {
            _day = value;
            if (!string.IsNullOrEmpty(value?.Id))
            {
                DayId = value.Id;
            }
        }
    }

    /// <summary>The id of the template this session is made from.</summary>
    public string SessionTemplateId
    {
        get => _sessionTemplateId;
        set => Change(ref _sessionTemplateId, value);
    }

    /// <summary>The template this session is made from.</summary>
    /// <remarks>Setting it to a template with an id also sets <see cref="SessionTemplateId"/>.</remarks>
    public SessionTemplate? SessionTemplate
    {
        get => _sessionTemplate;
        set
        {
            _sessionTemplate = value;
            if (!string.IsNullOrEmpty(value?.Id))
            {
                SessionTemplateId = value.Id;
            }
        }
    }

    /// <summary>The session's place within its day: 0, 1, ... (unique within a day).</summary>
    public int Position
    {
        get => _position;
        set => Change(ref _position, value);
    }

    /// <summary>An optional slot label (<c>am</c>, <c>pm</c>).</summary>
    public string? Slot
    {
        get => _slot;
        set => Change(ref _slot, value);
    }

    /// <summary>Optional notes for this session.</summary>
    public string? Notes
    {
        get => _notes;
        set => Change(ref _notes, value);
    }

    /// <summary>Whether the athlete completed the session.</summary>
    public bool IsCompleted
    {
        get => _isCompleted;
        set => Change(ref _isCompleted, value);
    }

    /// <summary>
    /// What the athlete logged, as a JSON object (text), kept as it was given. See
    /// <see cref="GetCompletion"/> and <see cref="SetCompletion"/> for a typed view.
    /// </summary>
    public string? CompletionData
    {
        get => _completionData;
        set => Change(ref _completionData, value);
    }

    /// <summary>
    /// The session's concurrency token: a new value whenever the session's own values change.
    /// </summary>
    public string ConcurrencyStamp { get; set; }

    /// <summary>
    /// Reads <see cref="CompletionData"/> as a <see cref="SessionCompletion"/>: the common fields typed,
    /// every other field kept.
    /// </summary>
    /// <returns>The completion data, or <see langword="null"/> when there is none.</returns>
    /// <exception cref="System.Text.Json.JsonException">The stored text is not a JSON object.</exception>
    public SessionCompletion? GetCompletion() => SessionCompletion.Parse(CompletionData);

    /// <summary>Writes <see cref="CompletionData"/> from a typed view, keeping its other fields.</summary>
    /// <param name="completion">The completion data, or <see langword="null"/> to clear it.</param>
    public void SetCompletion(SessionCompletion? completion) => CompletionData = completion?.ToJson();

    /// <summary>
    /// A session materialised from a schedule or converted from legacy data: its values written straight
    /// to the fields, with the <see cref="ConcurrencyStamps.Initial"/> stamp, so the same input gives the
    /// same row without renewing a stamp per value.
    /// </summary>
    internal static ScheduledSession Materialized(string id, string dayId, string sessionTemplateId, int position, string? slot, string? notes, bool isCompleted, string? completionData) =>
        new(ConcurrencyStamps.Initial)
        {
            Id = id,
            _dayId = dayId,
            _sessionTemplateId = sessionTemplateId,
            _position = position,
            _slot = slot,
            _notes = notes,
            _isCompleted = isCompleted,
            _completionData = completionData,
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
