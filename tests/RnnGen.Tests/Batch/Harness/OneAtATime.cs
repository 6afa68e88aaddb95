using System;

namespace RnnGen.Tests.Batch.Harness;

/// <summary>What the single-sequence members give each sequence of a <see cref="SequenceBatch"/> alone: the batched members' expectations.</summary>
public static class OneAtATime
{
    /// <summary>Each sequence's states after <see cref="SequenceBatch.Steps"/> calls of Step from its initial states.</summary>
    public static BatchStates Step(SequenceBatch data)
    {
        BatchedLayer layer = data.Layer;
        BatchStates states = data.Start.Copy();
        for (int n = 0; n < data.Count; n++)
        {
            for (int s = 0; s < data.Steps; s++)
            {
                layer.Step(data.StepInputOf(s, n), states.HiddenOf(layer, n), states.CellOf(layer, n));
            }
        }

        return states;
    }

    /// <summary>Each sequence's Run from zero states, N×T×O.</summary>
    public static float[] Run(SequenceBatch data)
    {
        BatchedLayer layer = data.Layer;
        int length = layer.Timesteps * layer.Output;
        var outputs = new float[data.Count * length];
        for (int n = 0; n < data.Count; n++)
        {
            layer.Run(data.InputsOf(n), outputs.AsSpan(n * length, length));
        }

        return outputs;
    }

    /// <summary>Each sequence's states after RunLast from its initial states.</summary>
    public static BatchStates RunLast(SequenceBatch data)
    {
        BatchedLayer layer = data.Layer;
        BatchStates states = data.Start.Copy();
        for (int n = 0; n < data.Count; n++)
        {
            layer.RunLast(data.InputsOf(n), states.HiddenOf(layer, n), states.CellOf(layer, n));
        }

        return states;
    }
}
