using System;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Batch.Harness;

/// <summary>
/// Random data for up to <see cref="Count"/> sequences of one layer, batch-major: each sequence's T inputs, its
/// initial states, and its inputs for a few single timesteps. A batch of N takes the first N rows of each, so a
/// sequence meets the same numbers whatever the batch size.
/// </summary>
public sealed class SequenceBatch
{
    private readonly float[] _inputs;
    private readonly float[][] _stepInputs;

    private SequenceBatch(BatchedLayer layer, int count, float[] inputs, BatchStates start, float[][] stepInputs)
    {
        Layer = layer;
        Count = count;
        _inputs = inputs;
        Start = start;
        _stepInputs = stepInputs;
    }

    public BatchedLayer Layer { get; }

    /// <summary>The sequences the data holds.</summary>
    public int Count { get; }

    /// <summary>Each sequence's initial states, uniform in [-1, 1].</summary>
    public BatchStates Start { get; }

    /// <summary>The single timesteps StepBatch takes in a row.</summary>
    public int Steps => _stepInputs.Length;

    /// <summary>Inputs in [-1, 1] and states in [-1, 1] for <paramref name="count"/> sequences.</summary>
    public static SequenceBatch Random(BatchedLayer layer, int count, Random random, int steps = 3)
    {
        float[] inputs = RandomData.Signal(random, count * layer.Timesteps * layer.Input);
        var start = new BatchStates(RandomData.Signal(random, count * layer.Output), RandomData.Signal(random, count * layer.CellLength));
        var stepInputs = new float[steps][];
        for (int s = 0; s < steps; s++)
        {
            stepInputs[s] = RandomData.Signal(random, count * layer.Input);
        }

        return new SequenceBatch(layer, count, inputs, start, stepInputs);
    }

    /// <summary>The whole sequences of the first <paramref name="count"/>, N×T×I.</summary>
    public ReadOnlySpan<float> Inputs(int count) => _inputs.AsSpan(0, count * SequenceLength);

    /// <summary>Sequence <paramref name="n"/>'s inputs, T×I.</summary>
    public ReadOnlySpan<float> InputsOf(int n) => _inputs.AsSpan(n * SequenceLength, SequenceLength);

    /// <summary>Timestep <paramref name="step"/>'s inputs of the first <paramref name="count"/> sequences, N×I.</summary>
    public ReadOnlySpan<float> StepInputs(int step, int count) => _stepInputs[step].AsSpan(0, count * Layer.Input);

    /// <summary>Timestep <paramref name="step"/>'s input of sequence <paramref name="n"/>, I.</summary>
    public ReadOnlySpan<float> StepInputOf(int step, int n) => _stepInputs[step].AsSpan(n * Layer.Input, Layer.Input);

    private int SequenceLength => Layer.Timesteps * Layer.Input;
}
