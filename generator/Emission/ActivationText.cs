using RnnGen.Generator.Models;

namespace RnnGen.Generator.Emission;

/// <summary>How each activation reads in formulas and in code.</summary>
internal static class ActivationText
{
    /// <summary>The activation applied to an expression; Linear leaves it as it is.</summary>
    public static string Apply(RnnActivationKind activation, string expression) => activation switch
    {
        RnnActivationKind.Linear => expression,
        _ => $"{Name(activation)}({expression})",
    };

    /// <summary>The name of the runtime helper (Tanh, Relu, Sigmoid) or Linear.</summary>
    public static string Name(RnnActivationKind activation) => activation.ToString();

    /// <summary>The activation in mathematical notation, e.g. <c>tanh(W·x)</c>.</summary>
    public static string Math(RnnActivationKind activation, string expression) => activation switch
    {
        RnnActivationKind.Linear => expression,
        _ => $"{Name(activation).ToLowerInvariant()}({expression})",
    };

    /// <summary>The formula for the header, e.g. <c>h_t = tanh(W·x_t + U·h_{t-1} + b)</c>.</summary>
    public static string Formula(RnnActivationKind activation, bool useBias)
    {
        string sum = useBias ? "W·x_t + U·h_{t-1} + b" : "W·x_t + U·h_{t-1}";
        return "h_t = " + Math(activation, sum);
    }
}
