using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Runs;

/// <summary>examples/synthetic-hydrotrace.yaml cut down (2 basins, 1 epoch, 32 samples), and a tiny LSTM on the same grids.</summary>
public sealed class SyntheticHydroTraceRuns : IDisposable
{
    private readonly TempDirectory dir = new();

    public SyntheticHydroTraceRuns()
    {
        var example = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "examples", "synthetic-hydrotrace.yaml"));
        var cut = example.Replace("output_dir: runs", $"output_dir: {dir.Combine("runs")}", StringComparison.Ordinal)
            .Replace("  basins: 4", "  basins: 2", StringComparison.Ordinal)
            .Replace("${HYDRO_EPOCHS:-12}", "1", StringComparison.Ordinal)
            .Replace("${HYDRO_SAMPLES:-512}", "32", StringComparison.Ordinal);
        Assert.NotEqual(example, cut);
        HydroTrace = Train("hydrotrace.yaml", cut);
        var lstm = cut.Replace("type: hydrotrace", "type: lstm\n    hidden_size: 4", StringComparison.Ordinal);
        lstm = string.Join('\n', lstm.Split('\n').Where(l => !l.Contains("hidden_channels", StringComparison.Ordinal) && !l.Contains("head_hidden", StringComparison.Ordinal)
            && !l.Contains("_attention:", StringComparison.Ordinal) && !l.Contains("input_lag", StringComparison.Ordinal)
            && !l.Contains("kernel_size", StringComparison.Ordinal) && !l.Contains("position_resolution", StringComparison.Ordinal)))
            .Replace("experiment_name: synthetic_hydrotrace", "experiment_name: synthetic_lstm", StringComparison.Ordinal);
        Lstm = Train("lstm.yaml", lstm);
    }

    /// <summary>The trained hydrotrace run.</summary>
    public string HydroTrace { get; }

    /// <summary>A trained run whose backbone has no attention outputs.</summary>
    public string Lstm { get; }

    public string Combine(params string[] parts) => dir.Combine(parts);

    public void Dispose() => dir.Dispose();

    private string Train(string name, string yaml)
    {
        var file = dir.Combine(name);
        File.WriteAllText(file, yaml);
        var trained = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(5), "train", file, "--no-evaluate");
        Assert.True(trained.Exit == 0, trained.ToString());
        return trained.Out.Split('\n').Single(l => l.StartsWith("run: ", StringComparison.Ordinal))[5..].Trim();
    }
}

/// <summary><c>hydro attention</c> through the command line; the NetCDF files read back by xarray (/usr/bin/python3).</summary>
public sealed class AttentionVerbTests(SyntheticHydroTraceRuns fixture) : IClassFixture<SyntheticHydroTraceRuns>
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    // Reads every file with an independent reader: xarray for the NetCDF, zlib for the PNG pixel data.
    private const string Reader = """
        import json, struct, sys, zlib
        import numpy as np, xarray as xr
        out = {}
        ds = xr.open_dataset(sys.argv[1])
        out["dims"] = {k: int(v) for k, v in ds.sizes.items()}
        out["season"] = [str(s) for s in ds["season"].values]
        out["channel"] = [str(s) for s in ds["channel"].values]
        out["x_units"] = ds["x"].attrs.get("units"); out["x_axis"] = ds["x"].attrs.get("axis"); out["y_axis"] = ds["y"].attrs.get("axis")
        out["crs"] = {k: (v.tolist() if hasattr(v, "tolist") else v) for k, v in ds["crs"].attrs.items()}
        out["grid_mapping"] = ds["spatial_attention"].attrs.get("grid_mapping")
        out["conventions"] = ds.attrs.get("Conventions")
        sa = ds["spatial_attention"].values; m = ds["basin_mask"].values.astype(bool)
        out["nan_matches_mask"] = bool(np.all(np.isnan(sa) == ~m[None, :, :]))
        out["spatial_range"] = [float(np.nanmin(sa)), float(np.nanmax(sa))]
        out["feature"] = ds["feature_attention"].values.astype(float).tolist()
        out["steps"] = ds["steps"].values.astype(int).tolist()
        pngs = []
        for p in sys.argv[2:]:
            b = open(p, "rb").read()
            assert b[:8] == b"\x89PNG\r\n\x1a\n", p
            pos, idat, w, h, depth, color = 8, b"", 0, 0, 0, 0
            while pos < len(b):
                n, kind = struct.unpack(">I4s", b[pos:pos + 8]); data = b[pos + 8:pos + 8 + n]; pos += 12 + n
                if kind == b"IHDR": w, h, depth, color = struct.unpack(">IIBB", data[:10])
                if kind == b"IDAT": idat += data
            channels = {2: 3, 6: 4, 0: 1, 4: 2}[color]
            pngs.append([w, h, len(zlib.decompress(idat)) == h * (1 + w * channels * depth // 8)])
        out["pngs"] = pngs
        print(json.dumps(out))
        """;

    private static CliRun Hydro(params string[] args) => HydroRunner.Run(HydroRunner.WithBuiltIns, Bound, args);

    [Fact]
    public void WritesSeasonalMapsThatXarrayReadsAndTheCsvAgreesWith()
    {
        var output = fixture.Combine("attention");
        var run = Hydro("attention", fixture.HydroTrace, "--period", "test", "--out", output);
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("attention per season, test 2003-01-01..2003-12-31: 2 basins, seed 1", run.Out, StringComparison.Ordinal);
        Assert.Contains("predicting", run.Err, StringComparison.Ordinal);

        var pngs = new[] { "spatial_grid_000_DJF.png", "spatial_grid_000_JJA.png", "features_grid_000.png" }.Select(p => Path.Combine(output, p)).ToArray();
        var read = Python(Reader, [Path.Combine(output, "attention_grid_000.nc"), .. pngs]);
        Assert.Equal(4, read.GetProperty("dims").GetProperty("season").GetInt32());
        Assert.Equal(16, read.GetProperty("dims").GetProperty("y").GetInt32());
        Assert.Equal(16, read.GetProperty("dims").GetProperty("x").GetInt32());
        Assert.Equal(5, read.GetProperty("dims").GetProperty("channel").GetInt32());
        Assert.Equal(["DJF", "MAM", "JJA", "SON"], read.GetProperty("season").EnumerateArray().Select(e => e.GetString()));
        string[] channels = ["precip", "pet", "noise_1", "noise_2", "noise_3"];
        Assert.Equal(channels, read.GetProperty("channel").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("m", read.GetProperty("x_units").GetString());
        Assert.Equal("X", read.GetProperty("x_axis").GetString());
        Assert.Equal("Y", read.GetProperty("y_axis").GetString());
        Assert.Equal("crs", read.GetProperty("grid_mapping").GetString());
        Assert.Equal("CF-1.8", read.GetProperty("conventions").GetString());
        var crs = read.GetProperty("crs");
        Assert.Equal("lambert_conformal_conic", crs.GetProperty("grid_mapping_name").GetString());
        Assert.Equal([49.0, 44.0], crs.GetProperty("standard_parallel").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal("EPSG:2154", crs.GetProperty("epsg_code").GetString());
        Assert.True(read.GetProperty("nan_matches_mask").GetBoolean());
        var range = read.GetProperty("spatial_range").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.InRange(range[0], 0.0, 1.0);
        Assert.InRange(range[1], 0.0, 1.0);

        // 2003: 90 DJF days (Jan, Feb, Dec), 92 MAM, 92 JJA, 91 SON.
        Assert.Equal([90, 92, 92, 91], read.GetProperty("steps").EnumerateArray().Select(e => e.GetInt32()));
        var feature = read.GetProperty("feature").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetDouble()).ToArray()).ToArray();
        var csv = File.ReadAllLines(Path.Combine(output, "feature_contributions.csv"));
        Assert.Equal("basin,season,channel,weight,rank,steps", csv[0]);
        Assert.Equal(1 + (2 * 4 * 5), csv.Length);
        var rows = csv.Skip(1).Select(l => l.Split(',')).Where(r => r[0] == "grid_000").ToList();
        Assert.Equal(4 * 5, rows.Count);
        foreach (var r in rows)
        {
            var s = Array.IndexOf(["DJF", "MAM", "JJA", "SON"], r[1]);
            var c = Array.IndexOf(channels, r[2]);
            Assert.Equal(double.Parse(r[3], CultureInfo.InvariantCulture), feature[s][c], 1e-6);
        }

        foreach (var season in rows.GroupBy(r => r[1]))
        {
            // Feature weights are a softmax: each season's mean sums to 1, and the ranks follow the weights.
            Assert.Equal(1.0, season.Sum(r => double.Parse(r[3], CultureInfo.InvariantCulture)), 1e-5);
            Assert.Equal(season.OrderByDescending(r => double.Parse(r[3], CultureInfo.InvariantCulture)).Select(r => r[2]),
                season.OrderBy(r => int.Parse(r[4], CultureInfo.InvariantCulture)).Select(r => r[2]));
        }

        Assert.All(read.GetProperty("pngs").EnumerateArray(), p =>
        {
            Assert.True(p[0].GetInt32() > 100 && p[1].GetInt32() > 100);
            Assert.True(p[2].GetBoolean());
        });

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal("hydro.attention/1", summary.RootElement.GetProperty("format").GetString());
        var truth = summary.RootElement.GetProperty("basins")[0].GetProperty("planted_truth");
        var cells = truth.GetProperty("region_cell_share").GetDouble();
        Assert.InRange(cells, 0.01, 0.99);
        Assert.Equal(truth.GetProperty("region_mass_share").GetDouble() / cells, truth.GetProperty("ratio").GetDouble(), 1e-9);
        Assert.Equal(["precip", "pet"], truth.GetProperty("channels").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void RefusesARunWhoseBackboneHasNoAttention()
    {
        var run = Hydro("attention", fixture.Lstm, "--out", fixture.Combine("refused"));
        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains("backbone 'lstm' does not output 'spatial_attention'", run.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(fixture.Combine("refused")));
    }

    private static JsonElement Python(string script, string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"hydro_attention_{Guid.NewGuid():N}.py");
        File.WriteAllText(file, script);
        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("HYDRO_PYTHON") ?? "/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(file);
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            using var p = Process.Start(start)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, stderr);
            return JsonDocument.Parse(stdout.Result).RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
