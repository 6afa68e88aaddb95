using RnnGen;

namespace Quickstart;

/// <summary>The original experiment: 100 timesteps of 32 features into 64 tanh units.</summary>
[SimpleRnn(Timesteps = 100, Input = 32, Output = 64)]
public partial class MotionModel
{
}
