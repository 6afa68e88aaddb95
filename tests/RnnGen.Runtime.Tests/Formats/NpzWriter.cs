using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace RnnGen.Runtime.Tests.Formats;

/// <summary>Writes .npz archives as <c>np.savez</c> (stored) and <c>np.savez_compressed</c> (deflated) do.</summary>
internal static class NpzWriter
{
    /// <summary>One zip entry per array, named <c>name.npy</c>.</summary>
    public static byte[] Write(IEnumerable<(string Name, byte[] Npy)> arrays, bool compressed = false)
        => WriteEntries(arrays.Select(a => (a.Name + ".npy", a.Npy)), compressed);

    /// <summary>Entries with exact names (duplicates allowed, for broken-archive tests).</summary>
    public static byte[] WriteEntries(IEnumerable<(string EntryName, byte[] Content)> entries, bool compressed = false)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string entryName, byte[] content) in entries)
            {
                ZipArchiveEntry entry = archive.CreateEntry(entryName, compressed ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
                using Stream stream = entry.Open();
                stream.Write(content);
            }
        }

        return memory.ToArray();
    }

    /// <summary>A Keras layer as <c>np.savez(f, kernel=..., recurrent_kernel=..., bias=...)</c> writes it.</summary>
    public static byte[] WriteKeras(float[] kernel, float[] recurrentKernel, float[]? bias, int input, int output, string descr = "<f4", bool named = true, bool compressed = false)
    {
        string[] names = named ? ["kernel", "recurrent_kernel", "bias"] : ["arr_0", "arr_1", "arr_2"];
        var arrays = new List<(string, byte[])>
        {
            (names[0], NpyWriter.Write(kernel, [input, output], descr)),
            (names[1], NpyWriter.Write(recurrentKernel, [output, output], descr)),
        };
        if (bias is not null)
        {
            arrays.Add((names[2], NpyWriter.Write(bias, [output], descr)));
        }

        return Write(arrays, compressed);
    }
}
