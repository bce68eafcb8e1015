namespace Hydro.Data.Benchmarks;

/// <summary>Day arithmetic on the <see cref="DateTime"/> stamps of daily data, as <see cref="DateOnly.DayNumber"/> gave it.</summary>
internal static class DateTimeDayNumber
{
    extension(DateTime time)
    {
        /// <summary>The day number of the stamp's date.</summary>
        public int DayNumber => DateOnly.FromDateTime(time).DayNumber;
    }
}
