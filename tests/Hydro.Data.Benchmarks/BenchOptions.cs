using System.Globalization;

namespace Hydro.Data.Benchmarks;

/// <summary>Command line: <c>--data DIR --repeats N --python PATH</c>.</summary>
internal sealed record BenchOptions(string Data, int Repeats, string Python)
{
    public static BenchOptions Parse(string[] args)
    {
        var data = Environment.GetEnvironmentVariable("HYDRO_TEST_DATA") is { Length: > 0 } env ? env : DefaultData();
        var repeats = 3;
        var python = "/usr/bin/python3";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--data": data = args[i + 1]; break;
                case "--repeats": repeats = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--python": python = args[i + 1]; break;
                default: throw new ArgumentException($"unknown option {args[i]} (expected --data, --repeats, --python)");
            }
        }

        data = Path.GetFullPath(data);
        if (!Directory.Exists(Path.Combine(data, "camels_us")) || !Directory.Exists(Path.Combine(data, "caravan")))
        {
            throw new DirectoryNotFoundException($"no camels_us/ and caravan/ in {data}; pass --data or set HYDRO_TEST_DATA");
        }

        return new BenchOptions(data, repeats, python);
    }

    private static string DefaultData()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Framework.sln")))
                {
                    return Path.Combine(dir.FullName, "..", "shared", "data");
                }
            }
        }

        return Path.Combine("..", "shared", "data");
    }
}
