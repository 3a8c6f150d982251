using System.Globalization;

namespace Planner.Migration.Legacy;

/// <summary>
/// The diagnostics of one conversion. Each code is listed at most
/// <see cref="LegacyConverterOptions.MaxDiagnosticsPerCode"/> times; the rest are counted and
/// summarised in one last diagnostic of that code at <c>$</c>, so a row with 100,000 unknown keys
/// stays small and still loses nothing silently.
/// </summary>
internal sealed class LegacyDiagnostics
{
    private readonly List<LegacyDiagnostic> _items = [];
    private Dictionary<string, int>? _counts; // made at the first diagnostic: most rows have none
    private readonly int _maxPerCode;

    public LegacyDiagnostics(int maxPerCode) => _maxPerCode = Math.Max(1, maxPerCode);

    public bool HasErrors { get; private set; }

    public void Error(string code, LegacyJsonPath path, string message) => Add(DiagnosticSeverity.Error, code, path, message);

    public void Warning(string code, LegacyJsonPath path, string message) => Add(DiagnosticSeverity.Warning, code, path, message);

    private void Add(DiagnosticSeverity severity, string code, LegacyJsonPath path, string message)
    {
        HasErrors |= severity == DiagnosticSeverity.Error;
        _counts ??= new Dictionary<string, int>(StringComparer.Ordinal);
        _counts.TryGetValue(code, out var count);
        _counts[code] = count + 1;
        if (count < _maxPerCode)
        {
            _items.Add(new LegacyDiagnostic(severity, code, path.ToString(), message));
        }
    }

    public IReadOnlyList<LegacyDiagnostic> ToList()
    {
        if (_counts is null)
        {
            return [];
        }

        var result = new List<LegacyDiagnostic>(_items);
        foreach (var (code, count) in _counts)
        {
            if (count > _maxPerCode)
            {
                // The severity of the summary is the worst of what it stands for.
                var severity = _items.Any(d => d.Code == code && d.Severity == DiagnosticSeverity.Error)
                    ? DiagnosticSeverity.Error
                    : DiagnosticSeverity.Warning;
                result.Add(new LegacyDiagnostic(
                    severity,
                    code,
                    "$",
                    string.Create(CultureInfo.InvariantCulture, $"{count - _maxPerCode} more '{code}' diagnostics not listed ({count} in all; only the first {_maxPerCode} are listed).")));
            }
        }

        return result;
    }
}
