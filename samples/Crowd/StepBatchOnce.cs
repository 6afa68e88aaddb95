namespace Crowd;

/// <summary>
/// One <c>StepBatch</c> over the whole crowd: the kernel steps several agents per call, so each weight vector is
/// loaded once for all of them instead of once per agent.
/// </summary>
public sealed class StepBatchOnce(CrowdPolicy policy) : IPolicyStepper
{
    public string Description => "StepBatch, all agents in one call";

    public void Advance(float[] inputs, float[] states) => policy.StepBatch(inputs, states);
}
