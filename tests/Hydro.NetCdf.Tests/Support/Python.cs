using System.Diagnostics;
using System.Text.Json;

namespace Hydro.NetCdf.Tests.Support;

/// <summary>
/// Runs the checked-in Python scripts (Python/*.py) with Debian's python3 and its netCDF4 + xarray, the independent
/// reader and writer these tests compare against. <c>HYDRO_PYTHON</c> overrides the interpreter. A missing
/// interpreter or module fails the test with what to install; nothing is skipped.
/// </summary>
internal static class Python
{
    private static readonly Lazy<string> Interpreter = new(Find);

    /// <summary>Runs <c>Python/SCRIPT</c> with arguments and returns its standard output.</summary>
    public static string Run(string script, params string[] args)
    {
        var (code, output, error) = Start(Interpreter.Value, [Path.Combine(AppContext.BaseDirectory, "Python", script), .. args]);
        return code == 0 ? output : throw new InvalidOperationException($"python3 {script} {string.Join(' ', args)} failed ({code}):\n{error}");
    }

    /// <summary>describe.py: the file's structure and the xarray-decoded values of the requested variables.</summary>
    public static JsonElement Describe(string file, params string[] reads) =>
        JsonDocument.Parse(Run("describe.py", [file, .. reads])).RootElement;

    private static string Find()
    {
        var env = Environment.GetEnvironmentVariable("HYDRO_PYTHON");
        var candidates = !string.IsNullOrEmpty(env) ? [env] : new[] { "/usr/bin/python3", "python3" };
        var tried = new List<string>();
        foreach (var candidate in candidates)
        {
            try
            {
                var (code, _, error) = Start(candidate, ["-c", "import netCDF4, xarray, numpy, cftime"]);
                if (code == 0)
                {
                    return candidate;
                }

                tried.Add($"{candidate}: {error.Trim().Split('\n')[^1]}");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                tried.Add($"{candidate}: {e.Message}");
            }
        }

        throw new InvalidOperationException(
            "These tests compare against Python's netCDF4 and xarray, which were not found (" + string.Join("; ", tried) + "). " +
            "Install them: apt-get install python3-netcdf4 python3-xarray (or set HYDRO_PYTHON to a python3 that has them).");
    }

    private static (int Code, string Output, string Error) Start(string python, string[] args)
    {
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
