using System;

namespace RnnGen.Tests.Batch.Harness;

/// <summary>
/// The states of a batch of sequences, batch-major: N rows of O hidden values, and for an LSTM N rows of O cell
/// values (empty otherwise).
/// </summary>
public sealed record BatchStates(float[] Hidden, float[] Cell)
{
    /// <summary>Room for <paramref name="count"/> sequences' states, all zero.</summary>
    public static BatchStates Zero(BatchedLayer layer, int count) => new(new float[count * layer.Output], new float[count * layer.CellLength]);

    /// <summary>The first <paramref name="count"/> sequences' hidden rows.</summary>
    public ReadOnlySpan<float> HiddenRows(BatchedLayer layer, int count) => Hidden.AsSpan(0, count * layer.Output);

    /// <summary>The first <paramref name="count"/> sequences' cell rows (empty without a cell state).</summary>
    public ReadOnlySpan<float> CellRows(BatchedLayer layer, int count) => Cell.AsSpan(0, count * layer.CellLength);

    /// <summary>Sequence <paramref name="n"/>'s hidden row.</summary>
    public Span<float> HiddenOf(BatchedLayer layer, int n) => Hidden.AsSpan(n * layer.Output, layer.Output);

    /// <summary>Sequence <paramref name="n"/>'s cell row (empty without a cell state).</summary>
    public Span<float> CellOf(BatchedLayer layer, int n) => Cell.AsSpan(n * layer.CellLength, layer.CellLength);

    /// <summary>A copy, for a member that writes the states in place.</summary>
    public BatchStates Copy() => new((float[])Hidden.Clone(), (float[])Cell.Clone());
}
