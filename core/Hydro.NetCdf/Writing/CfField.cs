namespace Hydro.NetCdf;

/// <summary>
/// One float data variable for the CF helpers of <see cref="NetCdfWriter"/>: its values (row-major over the
/// dimensions it is written with; NaN = missing, written with <c>_FillValue = NaN</c>) and its CF attributes.
/// </summary>
/// <param name="Name">Variable name, e.g. <c>qsim</c>.</param>
/// <param name="Values">Row-major values, e.g. <c>[time * y * x]</c> or <c>[basin * time]</c>.</param>
/// <param name="Units">UDUNITS string, e.g. <c>mm d-1</c>, <c>m3 s-1</c>, <c>1</c>.</param>
/// <param name="LongName">A human-readable description.</param>
/// <param name="StandardName">A CF standard name, if one applies.</param>
public sealed record CfField(string Name, float[] Values, string Units, string LongName, string? StandardName = null);
