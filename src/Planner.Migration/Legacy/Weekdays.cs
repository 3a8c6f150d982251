using NodaTime;

namespace Planner.Migration.Legacy;

/// <summary>The weekday keys of the legacy format.</summary>
internal static class Weekdays
{
    private static readonly string[] Names = ["", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>
    /// Reads a weekday key, case-insensitively: a full English name, its first three letters, or a
    /// digit as Python's <c>date.weekday()</c> counts (<c>"0"</c> is Monday); <see cref="IsoDayOfWeek.None"/> otherwise.
    /// </summary>
    public static IsoDayOfWeek Parse(string key)
    {
        if (key.Length == 1)
        {
            return key[0] is >= '0' and <= '6' ? (IsoDayOfWeek)(key[0] - '0' + 1) : IsoDayOfWeek.None;
        }

        if (!System.Text.Ascii.IsValid(key))
        {
            return IsoDayOfWeek.None; // "ſun" must not fold to "sun"
        }

        for (var day = 1; day <= 7; day++)
        {
            var name = Names[day];
            if ((key.Length == 3 || key.Length == name.Length) && name.AsSpan(0, key.Length).Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return (IsoDayOfWeek)day;
            }
        }

        return IsoDayOfWeek.None;
    }

    /// <summary>The key the reverse writer uses for a weekday.</summary>
    public static string Key(IsoDayOfWeek weekday) => Names[(int)weekday][..3];
}
