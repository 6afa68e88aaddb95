using System;

namespace RnnGen;

/// <summary>
/// Marks a <c>partial class</c> as a GRU layer of a fixed shape. At compile time RnnGen generates, on that class,
/// a kernel specialised to the shape: per timestep
/// <c>z = σ(W_z·x + U_z·h + b_z)</c>, <c>r = σ(W_r·x + U_r·h + b_r)</c>,
/// <c>n = act(W_n·x + b_xn + r ⊙ (U_n·h + b_hn))</c> (with <see cref="ResetAfter"/>) or
/// <c>n = act(W_n·x + U_n·(r ⊙ h) + b_n)</c> (without), and <c>h' = z ⊙ h + (1 − z) ⊙ n</c>.
/// </summary>
/// <example>
/// <code>
/// [Gru(Timesteps = 100, Input = 32, Output = 64)]
/// public partial class Policy { }
/// </code>
/// </example>
// Structs and interfaces are accepted here so that RnnGen, not CS0592, explains what to declare instead.
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class GruAttribute : Attribute
{
    /// <summary>Sequence length T (required, greater than 0).</summary>
    public int Timesteps { get; set; }

    /// <summary>Input features I per timestep (required, greater than 0).</summary>
    public int Input { get; set; }

    /// <summary>Output features O, the number of units (required, greater than 0).</summary>
    public int Output { get; set; }

    /// <summary>The candidate's activation; <see cref="RnnActivation.Tanh"/> by default.</summary>
    public RnnActivation Activation { get; set; } = RnnActivation.Tanh;

    /// <summary>The update and reset gates' activation; <see cref="RnnActivation.Sigmoid"/> by default.</summary>
    public RnnActivation RecurrentActivation { get; set; } = RnnActivation.Sigmoid;

    /// <summary>Whether the layer has biases; when <see langword="false"/> every bias is fixed at zero.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>
    /// Whether the reset gate multiplies <c>U_n·h + b_hn</c> (<see langword="true"/>: Keras ≥ 2's default,
    /// <c>torch.nn.GRU</c>, ONNX <c>linear_before_reset=1</c>) or h before the product (<see langword="false"/>:
    /// Keras <c>reset_after=False</c>, TensorFlow 1, TensorFlow.js).
    /// </summary>
    public bool ResetAfter { get; set; } = true;

    /// <summary>
    /// Optional path of a weights file (<c>.npz</c> in Keras layout or <c>.safetensors</c> in PyTorch layout),
    /// matched by its end against the project's <c>AdditionalFiles</c>. The weights are compiled into the
    /// assembly and <c>CreateWithEmbeddedWeights()</c> is generated.
    /// </summary>
    public string? Weights { get; set; }

    /// <summary>The key prefix inside an embedded safetensors file, such as <c>gru.</c>; empty by default.</summary>
    public string WeightsPrefix { get; set; } = "";
}
