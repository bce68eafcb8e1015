using System.Text.Json.Nodes;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Runs;
using Hydro.NetCdf;

namespace Hydro.Core.Analysis.Runs;

/// <summary>The files of an attention analysis: one CF-1.8 NetCDF file per basin, the feature CSV and the summary.</summary>
public static partial class AttentionAnalysis
{
    private static void Write(string dir, TrainedRun run, AttentionReport report)
    {
        foreach (var b in report.Basins)
        {
            WriteNetCdf(Path.Combine(dir, NetCdfName(b.Basin)), b, report);
        }

        var seasons = SeasonalAttention.Seasons;
        var rows = new List<IEnumerable<string>>();
        foreach (var b in report.Basins)
        {
            for (var s = 0; s < seasons.Count; s++)
            {
                var ranks = Ranks(Enumerable.Range(0, report.Channels.Count).Select(c => b.Feature[s, c]).ToArray());
                for (var c = 0; c < report.Channels.Count; c++)
                {
                    rows.Add([b.Basin, seasons[s], report.Channels[c], AnalysisFiles.Number(b.Feature[s, c]), AnalysisFiles.Invariant(ranks[c]), AnalysisFiles.Invariant(b.Steps[s])]);
                }
            }
        }

        AnalysisFiles.WriteCsv(Path.Combine(dir, ContributionsCsv), ["basin", "season", "channel", "weight", "rank", "steps"], rows);
        var summary = AnalysisFiles.Summary(Format, run, run.Members);
        summary["period"] = report.Period;
        summary["start"] = AnalysisFiles.Date(report.Start);
        summary["end"] = AnalysisFiles.Date(report.End);
        summary["ensemble"] = report.Seeds.Count > 1 ? "mean of the members' attention" : "one model";
        summary["seasons"] = AnalysisFiles.Strings(seasons);
        summary["channels"] = AnalysisFiles.Strings(report.Channels);
        summary["basins"] = new JsonArray([.. report.Basins.Select(b =>
        {
            var weights = b.PeriodFeature();
            var node = new JsonObject
            {
                ["basin"] = b.Basin,
                ["file"] = NetCdfName(b.Basin),
                ["steps"] = new JsonArray([.. b.Steps.Select(n => (JsonNode)n)]),
                ["feature_ranking"] = new JsonArray([.. Enumerable.Range(0, report.Channels.Count).OrderByDescending(c => weights[c])
                    .Select(c => (JsonNode)new JsonObject { ["channel"] = report.Channels[c], ["weight"] = AnalysisFiles.Json(weights[c]) })]),
            };
            if (b.Truth is { } t)
            {
                node["planted_truth"] = new JsonObject
                {
                    ["region_mass_share"] = AnalysisFiles.Json(t.RegionMassShare),
                    ["region_cell_share"] = AnalysisFiles.Json(t.RegionCellShare),
                    ["ratio"] = AnalysisFiles.Json(t.Ratio),
                    ["channels"] = AnalysisFiles.Strings(t.Channels),
                    ["planted_channels_rank_first"] = t.PlantedRankFirst,
                };
            }

            return (JsonNode)node;
        })]);
        summary["warnings"] = AnalysisFiles.Strings(report.Warnings);
        AnalysisFiles.WriteJson(Path.Combine(dir, AnalysisFiles.SummaryJson), summary);
    }

    /// <summary>1 for the largest value; NaN last.</summary>
    private static int[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderByDescending(i => double.IsNaN(values[i]) ? double.NegativeInfinity : values[i]).ToArray();
        var ranks = new int[values.Length];
        for (var r = 0; r < order.Length; r++)
        {
            ranks[order[r]] = r + 1;
        }

        return ranks;
    }

    private static void WriteNetCdf(string path, BasinAttention b, AttentionReport report)
    {
        var g = b.Grid;
        int h = g.Height, w = g.Width, c = report.Channels.Count, seasons = SeasonalAttention.Seasons.Count;
        using var nc = NetCdfWriter.Create(path);
        nc.SetGlobalAttribute("title", $"Seasonal attention of basin {b.Basin}, {report.Period} period {AnalysisFiles.Date(report.Start)}..{AnalysisFiles.Date(report.End)}");
        nc.SetGlobalAttribute("source", "hydro attention");
        nc.DefineDimension("season", seasons);
        nc.DefineDimension("y", h);
        nc.DefineDimension("x", w);
        nc.DefineDimension("channel", c);
        var geographic = g.Crs.Units is "degrees" or "degree" or "degrees_east" or "degrees_north";
        foreach (var (name, values, axis) in new[] { ("y", g.Y, "Y"), ("x", g.X, "X") })
        {
            nc.DefineVariable(name, NetCdfType.Double, name);
            nc.SetAttribute(name, "standard_name", geographic ? (axis == "X" ? "longitude" : "latitude") : $"projection_{name}_coordinate");
            nc.SetAttribute(name, "long_name", $"{name} of cell centre");
            nc.SetAttribute(name, "units", geographic ? (axis == "X" ? "degrees_east" : "degrees_north") : g.Crs.Units);
            nc.SetAttribute(name, "axis", axis);
        }

        var crs = DefineCrs(nc, g.Crs);
        nc.DefineVariable("season", NetCdfType.String, "season");
        nc.SetAttribute("season", "long_name", "meteorological season (DJF: December-February, ...), by the month of each scored step");
        nc.DefineVariable("channel", NetCdfType.String, "channel");
        nc.SetAttribute("channel", "long_name", "gridded input channel (inputs.gridded)");
        nc.DefineVariable("steps", NetCdfType.Int, "season");
        nc.SetAttribute("steps", "long_name", "scored steps averaged per season");
        nc.SetAttribute("steps", "units", "1");
        nc.DefineVariable("spatial_attention", NetCdfType.Float, "season", "y", "x");
        nc.SetAttribute("spatial_attention", "_FillValue", double.NaN);
        nc.SetAttribute("spatial_attention", "units", "1");
        nc.SetAttribute("spatial_attention", "long_name", "mean spatial attention per season (pooling weight before normalisation), NaN outside the basin");
        if (crs)
        {
            nc.SetAttribute("spatial_attention", "grid_mapping", "crs");
        }

        nc.DefineVariable("feature_attention", NetCdfType.Float, "season", "channel");
        nc.SetAttribute("feature_attention", "_FillValue", double.NaN);
        nc.SetAttribute("feature_attention", "units", "1");
        nc.SetAttribute("feature_attention", "long_name", "mean feature attention weight per season and input channel");
        nc.DefineVariable("basin_mask", NetCdfType.Byte, "y", "x");
        nc.SetAttribute("basin_mask", "long_name", "cells of the basin");
        nc.SetAttribute("basin_mask", "flag_values", 0, 1);
        nc.SetAttribute("basin_mask", "flag_meanings", "outside inside");
        if (crs)
        {
            nc.SetAttribute("basin_mask", "grid_mapping", "crs");
        }

        nc.Write("y", g.Y);
        nc.Write("x", g.X);
        nc.Write("season", SeasonalAttention.Seasons);
        nc.Write("channel", report.Channels);
        nc.Write("steps", b.Steps);
        var spatial = new float[seasons * h * w];
        for (var s = 0; s < seasons; s++)
        {
            for (var i = 0; i < h; i++)
            {
                for (var j = 0; j < w; j++)
                {
                    spatial[(((s * h) + i) * w) + j] = (float)b.Spatial[s, i, j];
                }
            }
        }

        nc.Write("spatial_attention", spatial);
        var feature = new float[seasons * c];
        for (var s = 0; s < seasons; s++)
        {
            for (var k = 0; k < c; k++)
            {
                feature[(s * c) + k] = (float)b.Feature[s, k];
            }
        }

        nc.Write("feature_attention", feature);
        var mask = new int[h * w];
        for (var i = 0; i < h; i++)
        {
            for (var j = 0; j < w; j++)
            {
                mask[(i * w) + j] = g.Mask[i, j] ? 1 : 0;
            }
        }

        nc.Write("basin_mask", mask);
        nc.Commit();
    }

    /// <summary>A scalar <c>crs</c> grid-mapping variable with the grid's CF attributes, EPSG code and WKT; false when the CRS is unknown.</summary>
    private static bool DefineCrs(NetCdfWriter nc, GridCrs crs)
    {
        if (crs.GridMapping.Count == 0 && crs.Epsg is null && crs.Wkt is null)
        {
            return false;
        }

        nc.DefineVariable("crs", NetCdfType.Int);
        foreach (var (name, value) in crs.GridMapping)
        {
            switch (value)
            {
                case string s:
                    nc.SetAttribute("crs", name, s);
                    break;
                case double d:
                    nc.SetAttribute("crs", name, d);
                    break;
                case double[] a:
                    nc.SetAttribute("crs", name, a);
                    break;
                default:
                    nc.SetAttribute("crs", name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
                    break;
            }
        }

        if (crs.GridMapping.Count == 0 && crs.Epsg == 4326)
        {
            nc.SetAttribute("crs", "grid_mapping_name", "latitude_longitude");
        }

        if (crs.Epsg is { } epsg)
        {
            nc.SetAttribute("crs", "epsg_code", $"EPSG:{epsg.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        if (crs.Wkt is { } wkt)
        {
            nc.SetAttribute("crs", "crs_wkt", wkt);
        }

        return true;
    }
}
