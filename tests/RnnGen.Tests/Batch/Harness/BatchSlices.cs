using System;

namespace RnnGen.Tests.Batch.Harness;

/// <summary>
/// A batch of N sequences cut into consecutive slices, one per thread, as a caller spreads a large batch over its
/// cores. The slices differ in size, so that their ends fall at different places within the kernels' tiles.
/// </summary>
public sealed class BatchSlices
{
    private readonly int[] _starts;

    /// <summary><paramref name="count"/> sequences in <paramref name="slices"/> slices of sizes about count / slices.</summary>
    public BatchSlices(int count, int slices)
    {
        _starts = new int[slices + 1];
        for (int s = 0; s <= slices; s++)
        {
            _starts[s] = (int)((long)count * s / slices);
        }
    }

    public int Count => _starts.Length - 1;

    /// <summary>Slice <paramref name="slice"/> of <paramref name="rows"/>, <paramref name="rowLength"/> floats per sequence.</summary>
    public Span<float> Of(float[] rows, int slice, int rowLength)
        => rows.AsSpan()[(_starts[slice] * rowLength)..(_starts[slice + 1] * rowLength)];

    /// <summary>Slice <paramref name="slice"/> of read-only <paramref name="span"/>, <paramref name="rowLength"/> floats per sequence.</summary>
    public ReadOnlySpan<float> Of(ReadOnlySpan<float> span, int slice, int rowLength)
        => span[(_starts[slice] * rowLength)..(_starts[slice + 1] * rowLength)];
}
