using System;

namespace RnnGen.Tests.Gated.Harness;

/// <summary>
/// A gated layer in Keras <c>get_weights()</c> layout: kernel I×G·O, recurrent kernel O×G·O, bias G·O (2×3·O for a
/// GRU with ResetAfter), gate blocks GRU z, r, h and LSTM i, f, c, o.
/// </summary>
public sealed record KerasTensors(float[] Kernel, float[] RecurrentKernel, float[] Bias)
{
    /// <summary>All zero, as a new instance holds.</summary>
    public static KerasTensors Zero(GatedShape shape)
        => new(new float[shape.KernelLength], new float[shape.RecurrentKernelLength], new float[shape.KerasBiasLength]);

    /// <summary>Arrays of <paramref name="shape"/>'s lengths filled with <paramref name="value"/>, for ExportKerasWeights to overwrite.</summary>
    public static KerasTensors Filled(GatedShape shape, float value)
    {
        var tensors = Zero(shape);
        Array.Fill(tensors.Kernel, value);
        Array.Fill(tensors.RecurrentKernel, value);
        Array.Fill(tensors.Bias, value);
        return tensors;
    }
}

/// <summary>A gated layer in PyTorch layer-0 layout: weight_ih G·O×I, weight_hh G·O×O, bias_ih and bias_hh G·O, gate blocks GRU r, z, n and LSTM i, f, g, o.</summary>
public sealed record PyTorchTensors(float[] WeightIh, float[] WeightHh, float[] BiasIh, float[] BiasHh);
