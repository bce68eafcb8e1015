using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Hydro.Torch.Serialization;
using Hydro.Torch.Tests.Support;

namespace Hydro.Torch.Tests.Serialization;

/// <summary>safetensors reading and writing: round trips, files written by Python, layout, corrupt files.</summary>
public sealed class SafeTensorsTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("hydro-safetensors-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string GoldenFile => Path.Combine(AppContext.BaseDirectory, "Golden", "from_python.safetensors");

    [Fact]
    public void RoundTripKeepsDtypesShapesValuesAndMetadata()
    {
        using var scope = torch.NewDisposeScope();
        var tensors = new Dictionary<string, Tensor>
        {
            ["f32"] = torch.tensor(new[] { 1.5f, -2.25f, float.MaxValue, float.Epsilon, 0f, -0f }, [2, 3]),
            ["f64.scalar"] = torch.tensor(Math.PI, ScalarType.Float64),
            ["f64.special"] = torch.tensor(new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e-310 }),
            ["i64"] = torch.tensor(new[] { long.MinValue, -1, 0, long.MaxValue }, [2, 2]),
            ["bool"] = torch.tensor(new[] { true, false, true }),
            ["empty"] = torch.zeros([0, 4], ScalarType.Float64),
            ["empty.i64"] = torch.zeros([3, 0], ScalarType.Int64),
            ["i32"] = torch.tensor(new[] { 7, -8 }),
            ["f16"] = torch.tensor(new[] { 0.5f, -3f }).to(ScalarType.Float16),
        };
        var metadata = new Dictionary<string, string> { ["format"] = "pt", ["note"] = "Abfluss m³/s, \"quoted\"\n" };
        var path = Path.Combine(dir, "round.safetensors");
        SafeTensors.Save(path, tensors, metadata);

        var (loaded, meta) = SafeTensors.Load(path);
        Assert.Equal(metadata, meta);
        Assert.Equal(tensors.Keys.Order(StringComparer.Ordinal), loaded.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, t) in tensors)
        {
            var l = loaded[name];
            Assert.Equal(t.dtype, l.dtype);
            Assert.Equal(t.shape, l.shape);
            Assert.Equal(DeviceType.CPU, l.device.type);
            Assert.Equal(Bytes(t), Bytes(l));
        }

        Assert.DoesNotContain(Directory.GetFiles(dir), f => f != path);
    }

    [Fact]
    public void LayoutFollowsTheSpecification()
    {
        using var scope = torch.NewDisposeScope();
        var path = Path.Combine(dir, "layout.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor>
        {
            ["b"] = torch.tensor(new[] { true }),
            ["a"] = torch.tensor(new[] { 1f, 2f, 3f }),
            ["c"] = torch.tensor(new[] { 1.0 }),
            ["d"] = torch.tensor(new[] { 5L, 6L }),
        }, new Dictionary<string, string> { ["k"] = "v" });
        var bytes = File.ReadAllBytes(path);
        var n = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        Assert.Equal(0, n % 8);
        var header = Encoding.UTF8.GetString(bytes, 8, (int)n);
        Assert.StartsWith("{", header, StringComparison.Ordinal);
        Assert.EndsWith("}", header.TrimEnd(' '), StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(header);
        var root = doc.RootElement;
        Assert.Equal("v", root.GetProperty("__metadata__").GetProperty("k").GetString());
        Assert.Equal("F32", root.GetProperty("a").GetProperty("dtype").GetString());
        Assert.Equal("BOOL", root.GetProperty("b").GetProperty("dtype").GetString());
        Assert.Equal("F64", root.GetProperty("c").GetProperty("dtype").GetString());
        Assert.Equal("I64", root.GetProperty("d").GetProperty("dtype").GetString());

        // Largest elements first, then by name: c (F64) d (I64) a (F32) b (BOOL), contiguous and aligned.
        long[] Offsets(string k) => root.GetProperty(k).GetProperty("data_offsets").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        Assert.Equal(new long[] { 0, 8 }, Offsets("c"));
        Assert.Equal(new long[] { 8, 24 }, Offsets("d"));
        Assert.Equal(new long[] { 24, 36 }, Offsets("a"));
        Assert.Equal(new long[] { 36, 37 }, Offsets("b"));
        Assert.Equal(8 + n + 37, bytes.Length);
        Assert.Equal(1.0, BitConverter.ToDouble(bytes, (int)(8 + n)));
        Assert.Equal(new long[] { 3 }, root.GetProperty("a").GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray());
    }

    [Fact]
    public void LoadsTheFileWrittenByPython()
    {
        using var scope = torch.NewDisposeScope();
        var (tensors, metadata) = SafeTensors.Load(GoldenFile);
        var cases = Golden.Cases("safetensors");
        Assert.Equal(cases["__metadata__"].GetProperty("metadata").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!), metadata);
        var names = cases.Keys.Where(k => k != "__metadata__").ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), tensors.Keys.Order(StringComparer.Ordinal));
        foreach (var name in names)
        {
            var e = cases[name].GetProperty("tensor");
            var expected = Golden.ToTensor(e);
            Assert.Equal(expected.dtype, tensors[name].dtype);
            Assert.Equal(expected.shape, tensors[name].shape);
            if (expected.dtype.IsFloatingPoint())
            {
                // Values, not bits: NaN's sign bit differs between Python's float('nan') and .NET's double.NaN.
                Expect.Close(tensors[name], expected.shape, Golden.Values(e), 0, 0, name);
            }
            else
            {
                Assert.Equal(Bytes(expected), Bytes(tensors[name]));
            }
        }

        Assert.Equal(3.141592653589793, tensors["scalar.f64"].item<double>());
        Assert.Empty(tensors["scalar.f64"].shape);
    }

    [Fact]
    public void PythonReadsFileWrittenByCSharp()
    {
        using var scope = torch.NewDisposeScope();
        var (tensors, metadata) = SafeTensors.Load(GoldenFile);
        var path = Path.Combine(dir, "from_csharp.safetensors");
        SafeTensors.Save(path, tensors, metadata);
        // Also left in the temp folder for a manual run of check_safetensors.py (see its docstring).
        File.Copy(path, Path.Combine(Path.GetTempPath(), "hydro_torch_from_csharp.safetensors"), overwrite: true);

        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
        {
            return; // no Python with torch on this machine: the C# reader checks above still apply
        }

        var script = FindScript("check_safetensors.py");
        using var process = Process.Start(new ProcessStartInfo(python, [script, path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (output.Contains("No module named 'torch'", StringComparison.Ordinal))
        {
            return;
        }

        Assert.True(process.ExitCode == 0, output);
        Assert.StartsWith("OK", output, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveReplacesAtomicallyAndAFailedSaveKeepsTheOldFile()
    {
        using var scope = torch.NewDisposeScope();
        var path = Path.Combine(dir, "ckpt.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = torch.ones(2) });
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["y"] = torch.zeros(3) });
        var before = File.ReadAllBytes(path);
        Assert.Equal(["y"], SafeTensors.Load(path).Tensors.Keys);

        var disposed = torch.ones(2);
        disposed.Dispose();
        Assert.Throws<ObjectDisposedException>(() => SafeTensors.Save(path, new Dictionary<string, Tensor> { ["a"] = torch.ones(1), ["z"] = disposed }));
        Assert.Throws<ArgumentException>(() => SafeTensors.Save(path, new Dictionary<string, Tensor> { ["__metadata__"] = torch.ones(1) }));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(dir));
    }

    [Theory]
    [InlineData("short", "fewer than the 8-byte header length")]
    [InlineData("header_length", "header length")]
    [InlineData("truncated_header", "truncated")]
    [InlineData("truncated_data", "truncated")]
    [InlineData("extra_data", "describes only")]
    [InlineData("bad_json", "not valid JSON")]
    [InlineData("not_object", "not a JSON object")]
    [InlineData("bad_dtype", "unsupported dtype 'Q7'")]
    [InlineData("bad_offsets", "needs 12 bytes")]
    [InlineData("gap", "gap or overlap")]
    [InlineData("missing_field", "needs dtype, shape and data_offsets")]
    [InlineData("bad_metadata", "metadata 'n' is not a string")]
    [InlineData("bad_bool", "not 0 or 1")]
    public void CorruptFilesGiveClearErrors(string corruption, string message)
    {
        using var scope = torch.NewDisposeScope();
        var path = Path.Combine(dir, corruption + ".safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor>
        {
            ["a"] = torch.tensor(new[] { 1f, 2f, 3f }),
            ["m"] = torch.tensor(new[] { true, false }),
        });
        var bytes = File.ReadAllBytes(path);
        var n = (int)BinaryPrimitives.ReadInt64LittleEndian(bytes);
        var header = Encoding.UTF8.GetString(bytes, 8, n);
        var data = bytes[(8 + n)..];

        byte[] With(string h, byte[] d)
        {
            var hb = Encoding.UTF8.GetBytes(h);
            var result = new byte[8 + hb.Length + d.Length];
            BinaryPrimitives.WriteInt64LittleEndian(result, hb.Length);
            hb.CopyTo(result, 8);
            d.CopyTo(result, 8 + hb.Length);
            return result;
        }

        bytes = corruption switch
        {
            "short" => bytes[..5],
            "header_length" => [.. BitConverter.GetBytes(long.MaxValue), .. bytes[8..]],
            "truncated_header" => bytes[..(8 + n - 3)],
            "truncated_data" => bytes[..^1],
            "extra_data" => [.. bytes, 0],
            "bad_json" => With(header.Replace("}", string.Empty, StringComparison.Ordinal), data),
            "not_object" => With("[1, 2]", data),
            "bad_dtype" => With(header.Replace("\"F32\"", "\"Q7\"", StringComparison.Ordinal), data),
            "bad_offsets" => With(header.Replace("[0,12]", "[0,11]", StringComparison.Ordinal), data),
            "gap" => With("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", data[..8]),
            "missing_field" => With("{\"a\":{\"dtype\":\"F32\",\"shape\":[3]}}", data),
            "bad_metadata" => With("{\"__metadata__\":{\"n\":1}," + header[1..], data),
            "bad_bool" => [.. bytes[..^1], 7],
            _ => throw new ArgumentOutOfRangeException(nameof(corruption)),
        };
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    /// <summary>A script of tests/Hydro.Torch.Tests/Golden (not copied to the output): searched upwards from the test binaries.</summary>
    private static string FindScript(string name)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "Golden", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{name} not found above {AppContext.BaseDirectory}");
    }

    private static byte[] Bytes(Tensor t) => t.dtype switch
    {
        ScalarType.Float32 => t.data<float>().SelectMany(BitConverter.GetBytes).ToArray(),
        ScalarType.Float64 => t.data<double>().SelectMany(BitConverter.GetBytes).ToArray(),
        ScalarType.Int64 => t.data<long>().SelectMany(BitConverter.GetBytes).ToArray(),
        ScalarType.Int32 => t.data<int>().SelectMany(BitConverter.GetBytes).ToArray(),
        ScalarType.Bool => t.data<bool>().Select(b => b ? (byte)1 : (byte)0).ToArray(),
        _ => t.to(ScalarType.Float32).data<float>().SelectMany(BitConverter.GetBytes).ToArray(),
    };
}
