namespace RnnGen.Generator.Models;

/// <summary>Mirror of <c>RnnGen.RnnActivation</c> (the generator cannot reference the runtime); same values.</summary>
internal enum RnnActivationKind
{
    Tanh = 0,
    Relu = 1,
    Sigmoid = 2,
    Linear = 3,
}
