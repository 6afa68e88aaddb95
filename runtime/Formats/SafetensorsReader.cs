using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace RnnGen.Formats;

/// <summary>
/// Reads a safetensors file: an unsigned 64-bit little-endian header length N, N bytes of UTF-8 JSON, then the
/// data buffer. The whole header is validated; only the tensors the caller selects are read and converted
/// (the others are skipped by seeking, or by reading past them when the stream cannot seek).
/// </summary>
internal static class SafetensorsReader
{
    /// <summary>Reads the header and the selected tensors.</summary>
    /// <param name="stream">The file, read from its current position; left open.</param>
    /// <param name="select">Given every tensor name, which tensors to load in which shapes.</param>
    public static TensorFile Read(Stream stream, Func<IReadOnlyList<string>, TensorSelection> select)
    {
        byte[] lengthBytes = StreamReading.ReadExactly(stream, 8, "safetensors header length");
        ulong headerLength = 0;
        for (int i = 7; i >= 0; i--)
        {
            headerLength = (headerLength << 8) | lengthBytes[i];
        }

        if (headerLength > FormatLimits.MaxSafetensorsHeaderBytes)
        {
            throw new InvalidDataException(FormattableString.Invariant(
                $"safetensors header length is {headerLength} bytes, more than the {FormatLimits.MaxSafetensorsHeaderBytes}-byte limit; this is not a safetensors file or it is corrupt."));
        }

        byte[] header = StreamReading.ReadExactly(stream, (long)headerLength, "safetensors header");
        List<SafetensorsEntry> entries = SafetensorsHeader.Parse(header);
        long bufferLength = SafetensorsHeader.CheckCoverage(entries);
        long available = StreamReading.Remaining(stream);
        if (available >= 0 && available != bufferLength)
        {
            throw BufferMismatch(bufferLength, available);
        }

        List<string> names = entries.ConvertAll(e => e.Name);
        TensorSelection selection = select(names);
        foreach (SafetensorsEntry entry in entries)
        {
            if (selection.Contains(entry.Name))
            {
                selection.CheckShape(entry.Name, entry.Shape);
            }
        }

        var loaded = new Dictionary<string, TensorData>(StringComparer.Ordinal);
        long position = 0;
        foreach (SafetensorsEntry entry in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (!selection.Contains(entry.Name))
            {
                continue;
            }

            StreamReading.Skip(stream, entry.Begin - position, "safetensors data buffer");
            loaded.Add(entry.Name, ReadTensor(stream, entry));
            position = entry.End;
        }

        StreamReading.Skip(stream, bufferLength - position, "safetensors data buffer");
        if (available < 0 && StreamReading.HasMoreBytes(stream))
        {
            throw new InvalidDataException(FormattableString.Invariant($"safetensors data buffer has bytes after the {bufferLength} bytes its tensors cover."));
        }

        return new TensorFile("safetensors", names, loaded);
    }

    private static TensorData ReadTensor(Stream stream, SafetensorsEntry entry)
    {
        if (!SafetensorsDtype.TryGetFloatEncoding(entry.Dtype, out FloatEncoding encoding))
        {
            throw new InvalidDataException(entry.Part + " has dtype " + entry.Dtype + "; only F32, F64, F16 and BF16 tensors can be loaded.");
        }

        long byteCount = entry.End - entry.Begin;
        ShapeMath.CheckLoadable(byteCount, entry.Part);
        int[] shape = ShapeMath.ToInt32(entry.Shape, entry.Part);
        byte[] bytes = StreamReading.ReadExactly(stream, byteCount, entry.Part + " data");
        int count = (int)(byteCount / FloatDecoding.ByteSize(encoding));

        // The format is little-endian by definition.
        return new TensorData(entry.Name, shape, FloatDecoding.Decode(bytes, 0, count, encoding, bigEndian: false));
    }

    private static InvalidDataException BufferMismatch(long needed, long found)
        => new(needed > found
            ? FormattableString.Invariant($"safetensors data buffer is truncated: its tensors cover {needed} bytes, but the file has only {found} after the header.")
            : FormattableString.Invariant($"safetensors data buffer has {found - needed} bytes after the {needed} bytes its tensors cover."));
}
