namespace RnnGen.Generator.Models;

/// <summary>
/// The activations the generator can emit. The parser maps an attribute's <c>RnnActivation</c> value to one of
/// these by the enum member's name, as the compilation declares it, so no numeric values are repeated here.
/// </summary>
internal enum ActivationKind
{
    Tanh,
    Relu,
    Sigmoid,
    Linear,
}
