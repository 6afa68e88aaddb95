using RnnGen.Generator.Models;

namespace RnnGen.Generator.Emission;

/// <summary>How each activation reads in code and in formulas.</summary>
internal static class ActivationText
{
    /// <summary>The activation applied to an expression; Linear leaves it as it is.</summary>
    public static string Apply(ActivationKind activation, string expression) => activation switch
    {
        ActivationKind.Linear => expression,
        _ => $"{Name(activation)}({expression})",
    };

    /// <summary>The name of the runtime helper (Tanh, Relu, Sigmoid) or Linear.</summary>
    public static string Name(ActivationKind activation) => activation.ToString();

    /// <summary>The activation in mathematical notation, e.g. <c>tanh(W·x)</c>.</summary>
    public static string Math(ActivationKind activation, string expression) => activation switch
    {
        ActivationKind.Linear => expression,
        _ => $"{Name(activation).ToLowerInvariant()}({expression})",
    };
}
