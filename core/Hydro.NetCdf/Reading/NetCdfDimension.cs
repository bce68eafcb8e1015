namespace Hydro.NetCdf;

/// <summary>A dimension of a NetCDF file.</summary>
/// <param name="Name">Its name, e.g. <c>time</c>.</param>
/// <param name="Length">Its current length (for an unlimited dimension, the number of records written).</param>
/// <param name="IsUnlimited">Whether it is an unlimited (record) dimension.</param>
public sealed record NetCdfDimension(string Name, int Length, bool IsUnlimited);
