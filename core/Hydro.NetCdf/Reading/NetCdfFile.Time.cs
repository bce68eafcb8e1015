namespace Hydro.NetCdf;

// CF time coordinates: the variable's units + calendar attributes decode its numbers.
public sealed partial class NetCdfFile
{
    /// <summary>The time encoding of a variable (its <c>units</c> and <c>calendar</c> attributes).</summary>
    /// <exception cref="NetCdfException">No units, unparsable units, or an unknown calendar; the message names file and variable.</exception>
    public CfTimeUnits TimeUnits(string variable = "time")
    {
        var v = Variable(variable);
        var units = v.Text("units") ?? throw new NetCdfException(Path, variable,
            "the time variable has no 'units' attribute; expected e.g. 'days since 1980-01-01 00:00:00'. Add it to the file.");
        try
        {
            return CfTimeUnits.Parse(units, v.Text("calendar"));
        }
        catch (NetCdfException e) when (e.FilePath is null)
        {
            throw new NetCdfException(Path, variable, e.Message, e);
        }
    }

    /// <summary>Reads and decodes a whole time axis in its own calendar (works for every calendar).</summary>
    public CfDate[] ReadCfDates(string variable = "time")
    {
        var units = TimeUnits(variable);
        var values = ReadDouble(variable);
        try
        {
            return units.Decode(values);
        }
        catch (NetCdfException e) when (e.FilePath is null)
        {
            throw new NetCdfException(Path, variable, e.Message, e);
        }
    }

    /// <summary>
    /// Reads and decodes a whole time axis as DateTime (calendar fields kept, see <see cref="CfDate.ToDateTime"/>).
    /// </summary>
    /// <exception cref="NetCdfException">A decoded date has no DateTime (e.g. 30 February in 360_day).</exception>
    public DateTime[] ReadTimes(string variable = "time")
    {
        var dates = ReadCfDates(variable);
        try
        {
            return Array.ConvertAll(dates, d => d.ToDateTime());
        }
        catch (NetCdfException e) when (e.FilePath is null)
        {
            throw new NetCdfException(Path, variable, e.Message, e);
        }
    }
}
