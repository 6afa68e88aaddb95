using System;

namespace RnnGen;

/// <summary>
/// Marks a <c>partial class</c> as an LSTM layer of a fixed shape. At compile time RnnGen generates, on that
/// class, a kernel specialised to the shape: per timestep <c>i, f, o = σ(W·x + U·h + b)</c> for each of those
/// gates, <c>g = act(W_g·x + U_g·h + b_g)</c>, <c>c' = f ⊙ c + i ⊙ g</c> and <c>h' = o ⊙ act(c')</c>.
/// </summary>
/// <example>
/// <code>
/// [Lstm(Timesteps = 100, Input = 32, Output = 64)]
/// public partial class Voice { }
/// </code>
/// </example>
// Structs and interfaces are accepted here so that RnnGen, not CS0592, explains what to declare instead.
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class LstmAttribute : Attribute
{
    /// <summary>Sequence length T (required, greater than 0).</summary>
    public int Timesteps { get; set; }

    /// <summary>Input features I per timestep (required, greater than 0).</summary>
    public int Input { get; set; }

    /// <summary>Output features O, the number of units (required, greater than 0).</summary>
    public int Output { get; set; }

    /// <summary>The activation of the cell input and of the cell output; <see cref="RnnActivation.Tanh"/> by default.</summary>
    public RnnActivation Activation { get; set; } = RnnActivation.Tanh;

    /// <summary>The input, forget and output gates' activation; <see cref="RnnActivation.Sigmoid"/> by default.</summary>
    public RnnActivation RecurrentActivation { get; set; } = RnnActivation.Sigmoid;

    /// <summary>Whether the layer has biases; when <see langword="false"/> every bias is fixed at zero.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>
    /// Optional path of a weights file (<c>.npz</c> in Keras layout or <c>.safetensors</c> in PyTorch layout),
    /// matched by its end against the project's <c>AdditionalFiles</c>. The weights are compiled into the
    /// assembly and <c>CreateWithEmbeddedWeights()</c> is generated.
    /// </summary>
    public string? Weights { get; set; }

    /// <summary>The key prefix inside an embedded safetensors file, such as <c>lstm.</c>; empty by default.</summary>
    public string WeightsPrefix { get; set; } = "";
}
