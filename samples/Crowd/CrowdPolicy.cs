using RnnGen;

namespace Crowd;

/// <summary>
/// The agents' shared policy: a GRU with 32 units over the 8 <see cref="AgentSenses"/>, weights compiled in from
/// crowd.safetensors. Each agent keeps its own 32-float state and advances it one timestep per frame with
/// <c>Step</c> or <c>StepBatch</c>, so <c>Timesteps</c> (which only sizes <c>Run</c>) is 1.
/// <see cref="SteeringHead"/> turns the state into an acceleration.
/// </summary>
[Gru(Timesteps = 1, Input = 8, Output = 32, Weights = "crowd.safetensors", WeightsPrefix = "gru.")]
public partial class CrowdPolicy
{
}
