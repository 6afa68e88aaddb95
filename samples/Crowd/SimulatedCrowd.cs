using System;
using System.Diagnostics;

namespace Crowd;

/// <summary>A crowd with its own buffers, stepped by one way of stepping: one game loop, frame after frame.</summary>
public sealed class SimulatedCrowd
{
    private readonly CrowdWorld world;
    private readonly float[] inputs;
    private readonly float[] states;

    public SimulatedCrowd(IPolicyStepper stepper, int agentCount, int seed)
    {
        ArgumentNullException.ThrowIfNull(stepper);
        Stepper = stepper;
        world = new CrowdWorld(agentCount, seed);
        inputs = new float[agentCount * CrowdPolicy.InputSize];
        states = new float[agentCount * CrowdPolicy.OutputSize];
    }

    public IPolicyStepper Stepper { get; }

    /// <summary>Senses, steps the policy and moves the agents; returns the Stopwatch ticks of the policy step and of the frame.</summary>
    public (long PolicyTicks, long FrameTicks) RunFrame()
    {
        long frameStarted = Stopwatch.GetTimestamp();
        world.Sense(inputs);
        long policyStarted = Stopwatch.GetTimestamp();
        Stepper.Advance(inputs, states);
        long policyEnded = Stopwatch.GetTimestamp();
        world.Act(states);
        long frameEnded = Stopwatch.GetTimestamp();
        return (policyEnded - policyStarted, frameEnded - frameStarted);
    }
}
