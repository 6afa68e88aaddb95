namespace RnnGen.Generator.Models;

/// <summary>Everything the generator knows about one valid <c>[SimpleRnn]</c> class.</summary>
/// <param name="Hierarchy">Where the class is declared.</param>
/// <param name="Timesteps">T.</param>
/// <param name="Input">I.</param>
/// <param name="Output">O.</param>
/// <param name="Activation">The activation.</param>
/// <param name="UseBias">Whether the layer has a bias.</param>
/// <param name="Weights">Compiled-in weights, or <see langword="null"/> when none were asked for.</param>
internal sealed record SimpleRnnModel(
    HierarchyInfo Hierarchy,
    int Timesteps,
    int Input,
    int Output,
    RnnActivationKind Activation,
    bool UseBias,
    EmbeddedWeightsRequest? Weights);

/// <summary>The <c>Weights</c>/<c>WeightsPrefix</c> attribute arguments.</summary>
/// <param name="Path">The path as written in the attribute.</param>
/// <param name="Prefix">The key prefix inside a safetensors file.</param>
/// <param name="Location">Where the <c>Weights</c> argument is, for diagnostics about the file.</param>
internal sealed record EmbeddedWeightsRequest(string Path, string Prefix, LocationInfo? Location);
