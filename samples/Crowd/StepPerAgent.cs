using System;

namespace Crowd;

/// <summary>The straightforward loop: one <c>Step</c> call per agent, each agent's state updated in place.</summary>
public sealed class StepPerAgent(CrowdPolicy policy) : IPolicyStepper
{
    public string Description => "Step, one call per agent";

    public void Advance(float[] inputs, float[] states)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(states);
        int agents = states.Length / CrowdPolicy.OutputSize;
        for (int agent = 0; agent < agents; agent++)
        {
            policy.Step(
                inputs.AsSpan(agent * CrowdPolicy.InputSize, CrowdPolicy.InputSize),
                states.AsSpan(agent * CrowdPolicy.OutputSize, CrowdPolicy.OutputSize));
        }
    }
}
