using NodaTime;
using Planner.Model.Scheduling;

namespace Planner.Model.Tests.Scheduling;

/// <summary>
/// The naive answer, day by day, written from the format's words alone: week k of the block (days
/// 7k..7k+6 from the start) uses map k mod n; cycle day i uses entry i mod n; an override replaces,
/// rests or only annotates.
/// </summary>
internal static class ExpansionOracle
{
    public static List<(LocalDate Date, PlannedSession[] Sessions, string? Name, string? Notes, int? Readiness)> Expand(ScheduleSpec spec)
    {
        var result = new List<(LocalDate, PlannedSession[], string?, string?, int?)>();
        var dayNumber = 0;
        for (var date = spec.Start; date <= spec.End; date = date.PlusDays(1), dayNumber++)
        {
            var weekdayIndex = date.DayOfWeek switch
            {
                IsoDayOfWeek.Monday => 0,
                IsoDayOfWeek.Tuesday => 1,
                IsoDayOfWeek.Wednesday => 2,
                IsoDayOfWeek.Thursday => 3,
                IsoDayOfWeek.Friday => 4,
                IsoDayOfWeek.Saturday => 5,
                _ => 6,
            };
            var sessions = spec.Pattern.Kind switch
            {
                "none" => [],
                "weekly" => spec.Pattern.Weeks[0][weekdayIndex],
                "rotating" => spec.Pattern.Weeks[dayNumber / 7 % spec.Pattern.Weeks.Length][weekdayIndex],
                _ => spec.Pattern.Cycle[dayNumber % spec.Pattern.Cycle.Length],
            };
            string? name = null, notes = null;
            int? readiness = null;
            foreach (var o in spec.Overrides)
            {
                if (o.Date != date)
                {
                    continue;
                }

                if (o.Kind == DayOverrideKind.Rest)
                {
                    sessions = [];
                }
                else if (o.Kind == DayOverrideKind.Replace)
                {
                    sessions = o.Sessions.ToArray();
                }

                (name, notes, readiness) = (o.Name, o.Notes, o.Readiness);
            }

            result.Add((date, sessions, name, notes, readiness));
        }

        return result;
    }
}
