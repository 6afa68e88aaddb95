using RnnGen.Runtime.Tests.Gated;

namespace RnnGen.Tests.Gated.Harness;

/// <summary>Weight files of a gated layer, built in memory by the runtime tests' writers.</summary>
public static class GatedFiles
{
    /// <summary>The prefix the safetensors files of these tests put before every tensor name.</summary>
    public const string Prefix = "rnn.";

    /// <summary>An .npz of the Keras tensors: named (<c>kernel</c>, …) as float32, or unnamed (<c>arr_0</c>, …) compressed as float64.</summary>
    public static byte[] KerasNpz(GatedShape shape, KerasTensors keras, bool named = true, bool withBias = true)
        => GatedFileWriter.KerasNpz(
            keras.Kernel,
            keras.RecurrentKernel,
            withBias ? keras.Bias : null,
            shape.Input,
            shape.Output,
            shape.Gates,
            shape.KerasBiasRows,
            named,
            compressed: !named,
            descr: named ? "<f4" : "<f8");

    /// <summary>A float32 safetensors file of the PyTorch tensors under <see cref="Prefix"/>.</summary>
    public static byte[] PyTorchSafetensors(GatedShape shape, PyTorchTensors torch, bool withBias = true)
        => GatedFileWriter.PyTorchSafetensors(
            torch.WeightIh,
            torch.WeightHh,
            withBias ? torch.BiasIh : null,
            withBias ? torch.BiasHh : null,
            shape.Input,
            shape.Output,
            shape.Gates,
            Prefix);
}
