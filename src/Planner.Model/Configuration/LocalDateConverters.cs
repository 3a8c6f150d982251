using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;

namespace Planner.Model.Configuration;

/// <summary>Value converters for <see cref="LocalDate"/>, used by the planner's mapping.</summary>
internal static class LocalDateConverters
{
    /// <summary>LocalDate to <see cref="DateOnly"/>, which each provider stores as its own date type.</summary>
    public static readonly ValueConverter<LocalDate, DateOnly> ToDateOnly = new(
        date => date.ToDateOnly(),
        value => LocalDate.FromDateOnly(value));

    /// <summary>LocalDate to ISO <c>yyyy-MM-dd</c> text, whose order is the dates' order.</summary>
    public static readonly ValueConverter<LocalDate, string> ToIsoText = new(
        date => LocalDatePattern.Iso.Format(date),
        value => ParseIso(value));

    private static LocalDate ParseIso(string value) =>
        LocalDatePattern.Iso.Parse(value.Length > 10 ? value[..10] : value).GetValueOrThrow();
}
