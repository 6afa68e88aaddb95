using System;

namespace AudioEffect;

/// <summary>
/// The trained output layer, Linear(17, 1): the output sample is a weighted sum of the LSTM's 16 hidden units and
/// of the input sample itself. RnnGen compiles recurrent layers only, so training/train.py writes these 18 numbers
/// as C# constants (OutputHeadWeights.cs), from the same model it writes to drive.safetensors.
/// </summary>
public static class OutputHead
{
    public static float Apply(ReadOnlySpan<float> hidden, float sample)
    {
        ReadOnlySpan<float> weights = OutputHeadWeights.Hidden;
        if (hidden.Length != weights.Length)
        {
            throw new ArgumentException($"Expected {weights.Length} hidden units, got {hidden.Length}.", nameof(hidden));
        }

        // The input's own term, a skip connection: for quiet input the drive is nearly a plain gain, which this
        // carries, so the LSTM only has to supply the nonlinear rest.
        float sum = OutputHeadWeights.Bias + (OutputHeadWeights.Input * sample);
        for (int i = 0; i < weights.Length; i++)
        {
            sum += weights[i] * hidden[i];
        }

        return sum;
    }
}
