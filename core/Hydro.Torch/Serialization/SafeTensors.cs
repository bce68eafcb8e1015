using System.Buffers;
using System.Text.Json;
using Hydro.Torch.Native;
using Microsoft.Win32.SafeHandles;

namespace Hydro.Torch.Serialization;

/// <summary>
/// Reads and writes the safetensors format (https://github.com/huggingface/safetensors): an 8-byte little-endian
/// header length N, N bytes of JSON header ({name: {dtype, shape, data_offsets}}, optional "__metadata__" string
/// map; padded with spaces to a multiple of 8), then the tensors' bytes, contiguous and little-endian.
/// Files written here load with Python's <c>safetensors</c> and PyTorch.
/// </summary>
public static class SafeTensors
{
    private const string MetadataKey = "__metadata__";
    private const long MaxHeaderBytes = 100_000_000;
    private const int CopyChunk = 1 << 24;

    private static readonly (ScalarType Type, string Name)[] DTypes =
    [
        (ScalarType.Float64, "F64"), (ScalarType.Float32, "F32"), (ScalarType.Float16, "F16"), (ScalarType.BFloat16, "BF16"),
        (ScalarType.Int64, "I64"), (ScalarType.Int32, "I32"), (ScalarType.Int16, "I16"), (ScalarType.Int8, "I8"),
        (ScalarType.Byte, "U8"), (ScalarType.Bool, "BOOL"),
    ];

    /// <summary>
    /// Writes tensors (from any device; copied to the host) and optional metadata to <paramref name="path"/>.
    /// The file is written to a temporary file beside it and renamed into place, so a reader never sees half a file.
    /// Tensors are stored by decreasing element size, then by name (so every tensor is aligned).
    /// </summary>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tensors);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("safetensors writing needs a little-endian host");
        }

        var entries = new List<(string Name, Tensor Tensor, long Bytes)>(tensors.Count);
        foreach (var (name, t) in tensors)
        {
            ArgumentNullException.ThrowIfNull(t, nameof(tensors));
            if (name == MetadataKey)
            {
                throw new ArgumentException($"'{MetadataKey}' is reserved and cannot name a tensor", nameof(tensors));
            }

            DTypeName(t.dtype);
            entries.Add((name, t, t.numel() * t.dtype.ElementSize()));
        }

        entries.Sort((a, b) =>
        {
            var bySize = b.Tensor.dtype.ElementSize().CompareTo(a.Tensor.dtype.ElementSize());
            return bySize != 0 ? bySize : string.CompareOrdinal(a.Name, b.Name);
        });

        var header = Header(entries, metadata);
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Span<byte> length = stackalloc byte[8];
                System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(length, header.Length);
                stream.Write(length);
                stream.Write(header);
                foreach (var (_, t, bytes) in entries)
                {
                    WriteData(stream, t, bytes);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>
    /// Reads every tensor (as new CPU tensors, owned by the current dispose scope) and the metadata of a file.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is truncated or not a valid safetensors file; the message names the file and the fault.</exception>
    public static (Dictionary<string, Tensor> Tensors, Dictionary<string, string> Metadata) Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("safetensors reading needs a little-endian host");
        }

        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var fileLength = RandomAccess.GetLength(file);
        var (entries, metadata, dataStart) = ReadHeader(path, file, fileLength);
        var result = new Dictionary<string, Tensor>(entries.Count);
        try
        {
            foreach (var e in entries)
            {
                result.Add(e.Name, ReadTensor(path, file, dataStart, e));
            }
        }
        catch
        {
            foreach (var t in result.Values)
            {
                t.Dispose();
            }

            throw;
        }

        return (result, metadata);
    }

    private static byte[] Header(List<(string Name, Tensor Tensor, long Bytes)> entries, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                w.WriteStartObject(MetadataKey);
                foreach (var (k, v) in metadata)
                {
                    w.WriteString(k, v);
                }

                w.WriteEndObject();
            }

            long offset = 0;
            foreach (var (name, t, bytes) in entries)
            {
                w.WriteStartObject(name);
                w.WriteString("dtype", DTypeName(t.dtype));
                w.WriteStartArray("shape");
                foreach (var s in t.shape)
                {
                    w.WriteNumberValue(s);
                }

                w.WriteEndArray();
                w.WriteStartArray("data_offsets");
                w.WriteNumberValue(offset);
                w.WriteNumberValue(offset + bytes);
                w.WriteEndArray();
                w.WriteEndObject();
                offset += bytes;
            }

            w.WriteEndObject();
        }

        var padded = (buffer.Length + 7) / 8 * 8;
        while (buffer.Length < padded)
        {
            buffer.WriteByte((byte)' ');
        }

        return buffer.ToArray();
    }

    private static unsafe void WriteData(FileStream stream, Tensor t, long bytes)
    {
        if (bytes == 0)
        {
            return;
        }

        if (bytes > int.MaxValue)
        {
            throw new NotSupportedException($"tensor of {bytes} bytes: tensors over 2 GiB are not supported");
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)bytes);
        try
        {
            fixed (byte* p = buffer)
            {
                NativeMethods.Check(NativeMethods.ht_copy_to(t.Handle, p, bytes));
            }

            stream.Write(buffer, 0, (int)bytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private sealed record Entry(string Name, ScalarType DType, long[] Shape, long Begin, long End);

    private static (List<Entry> Entries, Dictionary<string, string> Metadata, long DataStart) ReadHeader(string path, SafeFileHandle file, long fileLength)
    {
        if (fileLength < 8)
        {
            throw Invalid(path, $"the file has {fileLength} bytes, fewer than the 8-byte header length");
        }

        Span<byte> lengthBytes = stackalloc byte[8];
        RandomAccess.Read(file, lengthBytes, 0);
        var n = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(lengthBytes);
        if (n <= 0 || n > MaxHeaderBytes)
        {
            throw Invalid(path, $"header length {n} is out of range (1 to {MaxHeaderBytes} bytes)");
        }

        if (8 + n > fileLength)
        {
            throw Invalid(path, $"truncated: the header needs {n} bytes after the length, the file has {fileLength - 8}");
        }

        var header = new byte[n];
        RandomAccess.Read(file, header, 8);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(header);
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"the header is not valid JSON ({e.Message})");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, "the header is not a JSON object");
            }

            var metadata = new Dictionary<string, string>();
            var entries = new List<Entry>();
            foreach (var prop in root.EnumerateObject())
            {
                if (prop.Name == MetadataKey)
                {
                    ReadMetadata(path, prop.Value, metadata);
                }
                else
                {
                    entries.Add(ReadEntry(path, prop));
                }
            }

            var dataLength = fileLength - 8 - n;
            CheckLayout(path, entries, dataLength);
            return (entries, metadata, 8 + n);
        }
    }

    private static void ReadMetadata(string path, JsonElement value, Dictionary<string, string> metadata)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, $"'{MetadataKey}' is not an object");
        }

        foreach (var m in value.EnumerateObject())
        {
            if (m.Value.ValueKind != JsonValueKind.String)
            {
                throw Invalid(path, $"metadata '{m.Name}' is not a string");
            }

            metadata[m.Name] = m.Value.GetString()!;
        }
    }

    private static Entry ReadEntry(string path, JsonProperty prop)
    {
        var v = prop.Value;
        if (v.ValueKind != JsonValueKind.Object
            || !v.TryGetProperty("dtype", out var dtype) || dtype.ValueKind != JsonValueKind.String
            || !v.TryGetProperty("shape", out var shape) || shape.ValueKind != JsonValueKind.Array
            || !v.TryGetProperty("data_offsets", out var offsets) || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2)
        {
            throw Invalid(path, $"tensor '{prop.Name}' needs dtype, shape and data_offsets [begin, end]");
        }

        var type = DTypes.FirstOrDefault(d => d.Name == dtype.GetString());
        if (type.Name is null)
        {
            throw Invalid(path, $"tensor '{prop.Name}' has unsupported dtype '{dtype.GetString()}'");
        }

        var dims = new long[shape.GetArrayLength()];
        long numel = 1;
        for (var i = 0; i < dims.Length; i++)
        {
            if (!shape[i].TryGetInt64(out dims[i]) || dims[i] < 0)
            {
                throw Invalid(path, $"tensor '{prop.Name}' has an invalid shape {shape.GetRawText()}");
            }

            numel = checked(numel * dims[i]);
        }

        if (!offsets[0].TryGetInt64(out var begin) || !offsets[1].TryGetInt64(out var end) || begin < 0 || end < begin)
        {
            throw Invalid(path, $"tensor '{prop.Name}' has invalid data_offsets {offsets.GetRawText()}");
        }

        var expected = numel * type.Type.ElementSize();
        if (end - begin != expected)
        {
            throw Invalid(path, $"tensor '{prop.Name}' ({type.Name} [{string.Join(", ", dims)}]) needs {expected} bytes but data_offsets {offsets.GetRawText()} span {end - begin}");
        }

        return new Entry(prop.Name, type.Type, dims, begin, end);
    }

    /// <summary>The tensors must tile the data section exactly: no gaps, no overlaps, nothing beyond the end.</summary>
    private static void CheckLayout(string path, List<Entry> entries, long dataLength)
    {
        var sorted = entries.OrderBy(e => e.Begin).ThenBy(e => e.End).ToList();
        long position = 0;
        foreach (var e in sorted)
        {
            if (e.Begin != position)
            {
                throw Invalid(path, $"tensor '{e.Name}' starts at data byte {e.Begin}, expected {position} (gap or overlap)");
            }

            position = e.End;
        }

        if (position > dataLength)
        {
            throw Invalid(path, $"truncated: the header describes {position} bytes of tensor data, the file holds {dataLength}");
        }

        if (position < dataLength)
        {
            throw Invalid(path, $"the file holds {dataLength} bytes of tensor data, the header describes only {position}");
        }
    }

    private static unsafe Tensor ReadTensor(string path, SafeFileHandle file, long dataStart, Entry e)
    {
        var bytes = e.End - e.Begin;
        if (bytes > int.MaxValue)
        {
            throw new NotSupportedException($"{path}: tensor '{e.Name}' has {bytes} bytes: tensors over 2 GiB are not supported");
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(bytes, 1));
        try
        {
            var read = 0;
            while (read < bytes)
            {
                var chunk = (int)Math.Min(bytes - read, CopyChunk);
                var got = RandomAccess.Read(file, buffer.AsSpan(read, chunk), dataStart + e.Begin + read);
                if (got <= 0)
                {
                    throw Invalid(path, $"truncated while reading tensor '{e.Name}'");
                }

                read += got;
            }

            if (e.DType == ScalarType.Bool)
            {
                for (var i = 0; i < bytes; i++)
                {
                    if (buffer[i] > 1)
                    {
                        throw Invalid(path, $"tensor '{e.Name}' (BOOL) holds byte {buffer[i]} at element {i}, not 0 or 1");
                    }
                }
            }

            fixed (byte* p = buffer)
            fixed (long* s = e.Shape)
            {
                return Tensor.From(NativeMethods.ht_from_data(p, s, e.Shape.Length, (int)e.DType, (int)DeviceType.CPU, -1));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string DTypeName(ScalarType type)
    {
        foreach (var (t, name) in DTypes)
        {
            if (t == type)
            {
                return name;
            }
        }

        throw new NotSupportedException($"safetensors has no dtype for {type}");
    }

    private static InvalidDataException Invalid(string path, string what) =>
        new($"{path}: not a valid safetensors file: {what}");
}
