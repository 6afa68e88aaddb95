using RnnGen;

namespace Consumer;

/// <summary>A layer whose sizes are not whole vectors, so the kernels' remainder paths run too.</summary>
[SimpleRnn(Timesteps = 6, Input = 3, Output = 5)]
public partial class TinyModel
{
}
