using RnnGen.Layout;

namespace RnnGen.Generator.Models;

/// <summary>Everything the generator knows about one valid layer class: a plain value, with no Roslyn object or location.</summary>
/// <param name="Cell">The cell the attribute asked for.</param>
/// <param name="Hierarchy">Where the class is declared.</param>
/// <param name="Timesteps">T.</param>
/// <param name="Input">I.</param>
/// <param name="Output">O.</param>
/// <param name="Activation">SimpleRNN: the state activation; GRU: the candidate's; LSTM: the cell input's and output's.</param>
/// <param name="RecurrentActivation">The gates' activation (GRU and LSTM; Sigmoid for SimpleRNN, where it is unused).</param>
/// <param name="UseBias">Whether the layer has biases.</param>
/// <param name="ResetAfter">GRU only: the reset gate multiplies <c>U_n·h + b_hn</c> rather than h.</param>
/// <param name="Weights">Compiled-in weights, or <see langword="null"/> when none were asked for.</param>
internal sealed record LayerModel(
    CellKind Cell,
    HierarchyInfo Hierarchy,
    int Timesteps,
    int Input,
    int Output,
    ActivationKind Activation,
    ActivationKind RecurrentActivation,
    bool UseBias,
    bool ResetAfter,
    WeightsRequest? Weights)
{
    /// <summary>G: rows of weights per output.</summary>
    public int Gates => CellGates.Count(Cell);
}

/// <summary>The <c>Weights</c>/<c>WeightsPrefix</c> attribute arguments.</summary>
/// <param name="Path">The path as written in the attribute.</param>
/// <param name="Prefix">The key prefix inside a safetensors file.</param>
internal sealed record WeightsRequest(string Path, string Prefix);
