using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using RnnGen.Formats;
using RnnGen.Weights;

namespace RnnGen.Runtime.Tests.Formats;

/// <summary>
/// Feeds deterministic mutations of npz, safetensors and npy files to the loaders and records every outcome
/// that is not a load, an <see cref="InvalidDataException"/> or an <see cref="ArgumentException"/> (exact types),
/// every iteration over its time or allocation bound, and every failed load that changed the weights.
/// </summary>
internal sealed class FuzzRun(int seed, FuzzTarget target)
{
    private readonly Random _random = new(seed);
    private readonly List<string> _failures = [];
    private FileMutator _mutator = null!;

    public static TimeSpan IterationTimeBound { get; } = TimeSpan.FromSeconds(2);

    public static long IterationAllocationBound { get; } = 32L << 20;

    /// <summary>What the run is doing right now, for a report if it hangs.</summary>
    public string Current { get; private set; } = "not started";

    public IReadOnlyList<string> Failures => _failures;

    public int Iterations { get; private set; }

    public int Loaded { get; private set; }

    public int InvalidData { get; private set; }

    public int Argument { get; private set; }

    public TimeSpan SlowestIteration { get; private set; }

    public void Run(int npzIterations, int safetensorsIterations, int npyIterations)
    {
        _mutator = new FileMutator(_random);
        IReadOnlyList<FuzzCorpus.NpzSeed> npzSeeds = FuzzCorpus.NpzSeeds(target);
        IReadOnlyList<FuzzCorpus.SafetensorsSeed> safetensorsSeeds = FuzzCorpus.SafetensorsSeeds(target);
        IReadOnlyList<FuzzCorpus.NpySeed> npySeeds = FuzzCorpus.NpySeeds();

        for (int i = 0; i < npzIterations; i++)
        {
            FuzzCorpus.NpzSeed npz = npzSeeds[_random.Next(npzSeeds.Count)];
            byte[] file = MutateNpz(npz, out string what);
            Attempt("npz #" + i + ": " + what, file, (weights, stream) => weights.LoadKerasNpz(stream));
        }

        for (int i = 0; i < safetensorsIterations; i++)
        {
            FuzzCorpus.SafetensorsSeed safetensors = safetensorsSeeds[_random.Next(safetensorsSeeds.Count)];
            byte[] file = MutateSafetensors(safetensors, out string what);
            Attempt("safetensors #" + i + ": " + what, file, (weights, stream) => weights.LoadPyTorchSafetensors(stream, safetensors.Prefix));
        }

        for (int i = 0; i < npyIterations; i++)
        {
            FuzzCorpus.NpySeed npy = npySeeds[_random.Next(npySeeds.Count)];
            byte[] file = MutateNpy(npy, out string what);
            Attempt("npy #" + i + ": " + what, file, (_, stream) => NpyReader.ReadFile(stream, "x"));
        }

        Current = "finished";
    }

    private byte[] MutateNpz(FuzzCorpus.NpzSeed npz, out string what)
    {
        byte[] zip = npz.Bytes;
        byte[] mutated;
        switch (_random.Next(9))
        {
            case 0:
                mutated = _mutator.FlipBits(zip, out what);
                break;
            case 1:
                mutated = _mutator.OverwriteBytes(zip, out what);
                break;
            case 2:
                mutated = _mutator.TruncateAnywhere(zip, out what);
                break;
            case 3:
                mutated = _mutator.TruncateAtBoundary(zip, FuzzCorpus.ZipBoundaries(zip), out what);
                break;
            case 4:
                mutated = _mutator.InsertOrDelete(zip, out what);
                break;
            case 5:
                uint size = _random.Next(3) switch { 0 => (uint)_random.Next(200), 1 => uint.MaxValue - (uint)_random.Next(16), _ => (uint)_random.Next() };
                bool compressedField = _random.Next(2) == 0;
                mutated = compressedField ? ZipPatch.DeclareCompressedSize(zip, size) : ZipPatch.DeclareUncompressedSize(zip, size);
                what = (compressedField ? "compressed" : "uncompressed") + " sizes declared as " + size;
                break;
            case 6:
                mutated = RenameOrDropArray(npz, out what);
                break;
            default:
                // Damage one array and zip it again, so the .npy reader meets the damage behind an intact zip.
                int index = _random.Next(npz.Arrays.Count);
                byte[] damaged = MutateNpy(npz.Arrays[index].Npy, out string npyWhat);
                mutated = npz.Zip(npz.Arrays.Select((a, i) => (a.Name, i == index ? damaged : a.Npy.Bytes)));
                what = "array '" + npz.Arrays[index].Name + "': " + npyWhat;
                break;
        }

        return MaybeStack(mutated, ref what);
    }

    private byte[] RenameOrDropArray(FuzzCorpus.NpzSeed npz, out string what)
    {
        string[] names = ["kernel", "recurrent_kernel", "bias", "arr_0", "arr_1", "arr_2", "arr_3", "x"];
        var arrays = npz.Arrays.Select(a => (a.Name, a.Npy.Bytes)).ToList();
        int index = _random.Next(arrays.Count);
        if (_random.Next(2) == 0)
        {
            what = "dropped '" + arrays[index].Name + "'";
            arrays.RemoveAt(index);
        }
        else
        {
            string name = names[_random.Next(names.Length)];
            what = "renamed '" + arrays[index].Name + "' to '" + name + "'";
            arrays[index] = (name, arrays[index].Bytes);
        }

        return NpzWriter.WriteEntries(arrays.Select(a => (a.Name + ".npy", a.Bytes)), npz.Compressed);
    }

    private byte[] MutateSafetensors(FuzzCorpus.SafetensorsSeed safetensors, out string what)
    {
        byte[] file = safetensors.Bytes;
        byte[] mutated;
        switch (_random.Next(10))
        {
            case 0:
                mutated = _mutator.FlipBits(file, out what);
                break;
            case 1:
                mutated = _mutator.OverwriteBytes(file, out what);
                break;
            case 2:
                mutated = _mutator.TruncateAnywhere(file, out what);
                break;
            case 3:
                mutated = _mutator.TruncateAtBoundary(file, safetensors.Boundaries(), out what);
                break;
            case 4:
                mutated = _mutator.InsertOrDelete(file, out what);
                break;
            case 5:
                mutated = _mutator.RewriteLength(file, 0, 8, out what);
                break;
            case 6:
                int change = _random.Next(-8, 9);
                byte[] buffer = change >= 0 ? [.. safetensors.Buffer, .. new byte[change]] : safetensors.Buffer[..Math.Max(0, safetensors.Buffer.Length + change)];
                mutated = SafetensorsWriter.WriteRaw(safetensors.Header, buffer);
                what = "data buffer resized by " + change;
                break;
            default:
                // Edit the JSON and frame it with its true length, so the JSON parser and the header checks meet it.
                string header = safetensors.Header;
                var edits = new List<string>();
                for (int e = _random.Next(1, 4); e > 0; e--)
                {
                    header = _mutator.EditJson(header, out string edit);
                    edits.Add(edit);
                }

                mutated = SafetensorsWriter.WriteRaw(header, safetensors.Buffer);
                what = string.Join("; ", edits);
                break;
        }

        return MaybeStack(mutated, ref what);
    }

    private byte[] MutateNpy(FuzzCorpus.NpySeed npy, out string what)
    {
        byte[] file = npy.Bytes;
        switch (_random.Next(9))
        {
            case 0:
                return _mutator.FlipBits(file, out what);
            case 1:
                return _mutator.OverwriteBytes(file, out what);
            case 2:
                return _mutator.TruncateAnywhere(file, out what);
            case 3:
                return _mutator.TruncateAtBoundary(file, npy.Boundaries(), out what);
            case 4:
                return _mutator.InsertOrDelete(file, out what);
            case 5:
                return _mutator.RewriteLength(file, 8, npy.Version == 1 ? 2 : 4, out what);
            case 6:
                file[6] = (byte)_random.Next(6);
                file[7] = (byte)_random.Next(2);
                what = $"version set to {file[6]}.{file[7]}";
                return file;
            default:
                string header = npy.Header;
                var edits = new List<string>();
                for (int e = _random.Next(1, 4); e > 0; e--)
                {
                    header = _mutator.EditPythonLiteral(header, out string edit);
                    edits.Add(edit);
                }

                what = string.Join("; ", edits);
                return NpyWriter.WriteRaw(header, npy.Data, npy.Version);
        }
    }

    /// <summary>Now and then a second, byte-level mutation on top.</summary>
    private byte[] MaybeStack(byte[] file, ref string what)
    {
        if (_random.Next(6) != 0)
        {
            return file;
        }

        byte[] stacked = _random.Next(2) == 0 ? _mutator.FlipBits(file, out string more) : _mutator.InsertOrDelete(file, out more);
        what += " + " + more;
        return stacked;
    }

    private void Attempt(string what, byte[] file, Action<LayerWeights, Stream> load)
    {
        bool seekable = _random.Next(2) == 0;
        bool useBias = _random.Next(4) != 0;
        what = target.Name + " " + what + (seekable ? " (seekable)" : " (forward only)");
        Current = what;

        LayerWeights weights = target.CreateLoaded(useBias);
        float[] before = target.Snapshot(weights);
        using Stream stream = seekable ? new MemoryStream(file, writable: false) : new NonSeekableStream(file, maxRead: _random.Next(1, 4096));

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        Exception? thrown = null;
        try
        {
            load(weights, stream);
        }
#pragma warning disable CA1031 // The point of the test is to see every exception type that escapes.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            thrown = exception;
        }

        clock.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Iterations++;
        SlowestIteration = clock.Elapsed > SlowestIteration ? clock.Elapsed : SlowestIteration;

        if (clock.Elapsed > IterationTimeBound)
        {
            _failures.Add($"{what}: took {clock.Elapsed.TotalMilliseconds:F0} ms");
        }

        if (allocated > IterationAllocationBound)
        {
            _failures.Add($"{what}: allocated {allocated} bytes");
        }

        if (thrown is null)
        {
            Loaded++;
            return;
        }

        if (thrown.GetType() == typeof(InvalidDataException))
        {
            InvalidData++;
        }
        else if (thrown.GetType() == typeof(ArgumentException))
        {
            Argument++;
        }
        else
        {
            _failures.Add($"{what}: {thrown}");
            return;
        }

        if (string.IsNullOrWhiteSpace(thrown.Message))
        {
            _failures.Add($"{what}: {thrown.GetType().Name} without a message");
        }

        if (!before.SequenceEqual(target.Snapshot(weights)))
        {
            _failures.Add($"{what}: the failed load changed the weights ({thrown.Message})");
        }
    }
}
