namespace RnnGen.Benchmarks.Harness;

/// <summary>
/// The states of N sequences, batch-major as the generated batched members take them: Hidden (N×O) and, for an LSTM,
/// Cell (N×O; empty for the other cells).
/// </summary>
public sealed class BatchState(float[] hidden, float[] cell)
{
    public float[] Hidden { get; } = hidden;

    public float[] Cell { get; } = cell;
}
