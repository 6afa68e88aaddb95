using System;

namespace RnnGen;

/// <summary>
/// Marks a <c>partial class</c> as an Elman recurrent layer of a fixed shape. At compile time RnnGen generates,
/// on that class, a kernel specialised to the shape: <c>h_t = act(W·x_t + U·h_{t-1} + b)</c> for t = 0..T-1,
/// with <c>h_{-1}</c> = 0 unless an initial state is given, and every <c>h_t</c> as output.
/// </summary>
/// <example>
/// <code>
/// [SimpleRnn(Timesteps = 100, Input = 32, Output = 64)]
/// public partial class MotionModel { }
/// </code>
/// </example>
// Structs and interfaces are accepted here so that RnnGen, not CS0592, explains what to declare instead.
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class SimpleRnnAttribute : Attribute
{
    /// <summary>Sequence length T (required, greater than 0).</summary>
    public int Timesteps { get; set; }

    /// <summary>Input features I per timestep (required, greater than 0).</summary>
    public int Input { get; set; }

    /// <summary>Output features O, the number of units (required, greater than 0).</summary>
    public int Output { get; set; }

    /// <summary>The activation; <see cref="RnnActivation.Tanh"/> by default.</summary>
    public RnnActivation Activation { get; set; } = RnnActivation.Tanh;

    /// <summary>Whether the layer has a bias; when <see langword="false"/> the bias is fixed at zero.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>
    /// Optional path of a weights file (<c>.npz</c> in Keras layout or <c>.safetensors</c> in PyTorch layout),
    /// matched by its end against the project's <c>AdditionalFiles</c>. The weights are compiled into the
    /// assembly and <c>CreateWithEmbeddedWeights()</c> is generated.
    /// </summary>
    public string? Weights { get; set; }

    /// <summary>The key prefix inside an embedded safetensors file, such as <c>rnn.</c>; empty by default.</summary>
    public string WeightsPrefix { get; set; } = "";
}
