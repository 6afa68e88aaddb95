using System.Diagnostics.CodeAnalysis;
using RnnGen;

/// <summary>Deliberately in the global namespace: the generated part must not open a namespace.</summary>
[SimpleRnn(Timesteps = 3, Input = 2, Output = 3, Activation = RnnActivation.Linear)]
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "Tests that the generator supports the global namespace.")]
public partial class GlobalNamespaceRnn { }
