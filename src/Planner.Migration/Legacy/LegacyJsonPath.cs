using System.Globalization;
using System.Text;

namespace Planner.Migration.Legacy;

/// <summary>
/// A JSON path being walked, kept as a chain of steps so the text is only built when a diagnostic
/// needs it. Internal: the text form is what <see cref="LegacyDiagnostic.Path"/> documents.
/// </summary>
/// <remarks>
/// The rule for the text: the root is <c>$</c> (or a column name such as <c>goal_ids</c>); a key
/// that is a plain identifier (an ASCII letter or <c>_</c>, then ASCII letters, digits or <c>_</c>)
/// is written <c>.key</c>; any other key is written <c>['key']</c> with <c>\</c> and <c>'</c> escaped
/// by a backslash and control characters as <c>\uXXXX</c>; a list index is written <c>[i]</c>. So
/// <c>$.blocks[1].days['2024-02-30']</c>, <c>$.weekly['0']</c>, <c>$['coach comment']</c>.
/// </remarks>
internal sealed class LegacyJsonPath
{
    private readonly LegacyJsonPath? _parent;
    private readonly string? _key;
    private readonly int _index;

    private LegacyJsonPath(LegacyJsonPath? parent, string? key, int index)
    {
        _parent = parent;
        _key = key;
        _index = index;
    }

    /// <summary>The root of a <c>weekly_schedule</c> document.</summary>
    public static LegacyJsonPath Root { get; } = new(null, "$", -1);

    /// <summary>A path rooted at a column of the row, such as <c>goal_ids</c>.</summary>
    public static LegacyJsonPath Column(string name) => new(null, name, -1);

    /// <summary>The path of a property of this object.</summary>
    public LegacyJsonPath Key(string key) => new(this, key, -1);

    /// <summary>The path of an item of this list.</summary>
    public LegacyJsonPath Index(int index) => new(this, null, index);

    /// <inheritdoc />
    public override string ToString()
    {
        var builder = new StringBuilder();
        Append(builder);
        return builder.ToString();
    }

    private void Append(StringBuilder builder)
    {
        if (_parent is null)
        {
            builder.Append(_key);
            return;
        }

        _parent.Append(builder);
        if (_key is null)
        {
            builder.Append('[').Append(_index.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
        else
        {
            AppendKey(builder, _key);
        }
    }

    /// <summary>Appends <c>.key</c> for a plain identifier, <c>['key']</c> (escaped) for any other key.</summary>
    internal static void AppendKey(StringBuilder builder, string key)
    {
        if (IsIdentifier(key))
        {
            builder.Append('.').Append(key);
            return;
        }

        builder.Append("['");
        foreach (var c in key)
        {
            switch (c)
            {
                case '\\' or '\'':
                    builder.Append('\\').Append(c);
                    break;
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append("']");
    }

    internal static bool IsIdentifier(string key)
    {
        if (key.Length == 0 || !(char.IsAsciiLetter(key[0]) || key[0] == '_'))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
