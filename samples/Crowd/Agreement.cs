using System;

namespace Crowd;

/// <summary>How far apart the three ways of stepping end up: the largest difference in any agent's state.</summary>
public readonly record struct AgreementResult(int Frames, float StepLoopVersusBatch, float ParallelVersusBatch);

/// <summary>
/// Steps the same crowd three ways side by side: every frame, the inputs sensed once feed three copies of the
/// states, one per way of stepping, and the batch's states move the agents. Differences can then only come from
/// the kernels, and they carry over from frame to frame as the states do.
/// </summary>
public static class Agreement
{
    public static AgreementResult Run(CrowdWorld world, StepPerAgent stepLoop, StepBatchOnce batch, StepBatchParallel parallel, int frames)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(stepLoop);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(parallel);
        float[] inputs = new float[world.AgentCount * CrowdPolicy.InputSize];
        float[] loopStates = new float[world.AgentCount * CrowdPolicy.OutputSize];
        float[] batchStates = new float[loopStates.Length];
        float[] parallelStates = new float[loopStates.Length];
        for (int frame = 0; frame < frames; frame++)
        {
            world.Sense(inputs);
            stepLoop.Advance(inputs, loopStates);
            batch.Advance(inputs, batchStates);
            parallel.Advance(inputs, parallelStates);
            world.Act(batchStates);
        }

        return new AgreementResult(frames, MaxDifference(loopStates, batchStates), MaxDifference(parallelStates, batchStates));
    }

    private static float MaxDifference(float[] a, float[] b)
    {
        float max = 0f;
        for (int i = 0; i < a.Length; i++)
        {
            max = MathF.Max(max, MathF.Abs(a[i] - b[i]));
        }

        return max;
    }
}
