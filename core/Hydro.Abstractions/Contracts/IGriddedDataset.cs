namespace Hydro.Abstractions.Contracts;

/// <summary>
/// A dataset that also serves gridded dynamic inputs per basin (<c>inputs.gridded</c> in an experiment): fields of
/// C channels on an H × W grid of cells around the basin, with the basin mask. Implement it next to
/// <see cref="IDataset"/>; the core does the rest.
/// </summary>
/// <remarks>
/// <para>What the core does with a grid: it loads each basin's grid once per period, for exactly the rows of the lumped
/// series (history included, same <see cref="GridRequest.Start"/>); it standardises each channel with the mean and
/// standard deviation over the masked cells of every training basin and training day (saved with the run); it cuts
/// windows into <c>Batch.Gridded</c> [B, T, C, H, W] with 0 outside each basin's mask, and <c>Batch.GriddedMask</c>
/// [B, H, W]. A window in which any masked cell of any requested channel is missing (NaN) is not used, as for lumped
/// inputs. Values outside the mask are never read: they may be NaN.</para>
/// <para>Basins of one experiment may have grids of different sizes: the core pads each batch to the largest grid of
/// the period with zeros and mask false (padding rows and columns are added at the end, i.e. at row H and column W).</para>
/// </remarks>
public interface IGriddedDataset : IDataset
{
    /// <summary>The grid of <paramref name="basin"/>: channels, cell-centre coordinates, CRS and basin mask.</summary>
    /// <exception cref="DataException">Unknown basin, or its grid cannot be read (the message names the file).</exception>
    GridDescription DescribeGrid(string basin);

    /// <summary>
    /// Loads the requested channels of <paramref name="basin"/>'s grid for the inclusive period of
    /// <paramref name="request"/>, one field per time step of the dataset (the rows of <see cref="IDataset.Load"/>).
    /// </summary>
    /// <exception cref="DataException">Unknown basin or channel, period outside the data, unreadable file.</exception>
    GridSeries LoadGrid(string basin, GridRequest request);
}

/// <summary>A basin's grid.</summary>
/// <param name="Channels">
/// Every channel the dataset offers for this basin, with its unit (<see cref="VariableInfo.Static"/> is false). An
/// experiment names channels in <c>inputs.gridded</c>; channel names may equal lumped variable names.
/// </param>
/// <param name="X">Cell-centre x coordinates [W] (easting, or longitude), ascending or descending.</param>
/// <param name="Y">Cell-centre y coordinates [H] (northing, or latitude); row 0 of every field is <c>Y[0]</c>.</param>
/// <param name="Mask">The basin's cells [H, W]: true inside the basin. Cells outside are ignored (the core zeroes them).</param>
/// <param name="Crs">The coordinate reference system of <paramref name="X"/> and <paramref name="Y"/>.</param>
public sealed record GridDescription(IReadOnlyList<VariableInfo> Channels, double[] X, double[] Y, bool[,] Mask, GridCrs Crs)
{
    /// <summary>H, the number of rows (length of <see cref="Y"/>).</summary>
    public int Height => Y.Length;

    /// <summary>W, the number of columns (length of <see cref="X"/>).</summary>
    public int Width => X.Length;

    /// <summary>Free-form attributes of the grid (e.g. a source file, a resolution, a generator's planted truth).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// The coordinate reference system of a grid, in any of three forms (give what the source has; all may be set).
/// </summary>
/// <param name="Epsg">EPSG code (e.g. 2154 for Lambert-93, 4326 for WGS 84 longitude/latitude), or null.</param>
/// <param name="Wkt">OGC WKT (the CF <c>crs_wkt</c> attribute), or null.</param>
/// <param name="GridMapping">
/// CF grid-mapping attributes (CF-1.8 §5.6: <c>grid_mapping_name</c>, <c>standard_parallel</c>, <c>false_easting</c>…),
/// each value a <see cref="string"/>, a <see cref="double"/> or a <see cref="double"/>[]; empty when unknown.
/// </param>
/// <param name="Units">Unit of <see cref="GridDescription.X"/> and <see cref="GridDescription.Y"/> (<c>m</c>, <c>km</c>, <c>degrees</c>).</param>
public sealed record GridCrs(int? Epsg, string? Wkt, IReadOnlyDictionary<string, object> GridMapping, string Units)
{
    /// <summary>A grid whose coordinates have no stated CRS (cell indices or an arbitrary plane).</summary>
    public static GridCrs Unknown { get; } = new(null, null, new Dictionary<string, object>(), "1");
}

/// <summary>The channels and inclusive period of a grid to load.</summary>
/// <param name="Channels">Channel names, in the order the values are wanted.</param>
/// <param name="Start">First step.</param>
/// <param name="End">Last step (included).</param>
public sealed record GridRequest(IReadOnlyList<string> Channels, DateTime Start, DateTime End);

/// <summary>One basin's gridded inputs for a request; NaN where missing.</summary>
/// <param name="Basin">Basin identifier.</param>
/// <param name="Start">Date of the first step.</param>
/// <param name="Steps">T, the number of steps.</param>
/// <param name="Channels">C, the number of channels (the request's, in its order).</param>
/// <param name="Height">H (rows, as in <see cref="GridDescription.Y"/>).</param>
/// <param name="Width">W (columns, as in <see cref="GridDescription.X"/>).</param>
/// <param name="Values">Values [T, C, H, W], row-major, in the channels' units.</param>
public sealed record GridSeries(string Basin, DateTime Start, int Steps, int Channels, int Height, int Width, float[] Values);
