using System;
using System.Threading.Tasks;

namespace Crowd;

/// <summary>
/// <c>StepBatch</c> on every core: the crowd is cut into one slice of agents per core and <c>Parallel.For</c>
/// steps the slices at once. The agents are independent sequences and each slice touches only its own rows, so
/// the slices need no locking, and one loaded policy serves all threads. Steps one frame at a time: the frame's
/// buffers are held in fields while it runs.
/// </summary>
public sealed class StepBatchParallel : IPolicyStepper
{
    private readonly CrowdPolicy policy;
    private readonly int sliceCount;
    // Made once: a lambda capturing the frame's buffers would be a new closure and delegate every frame.
    private readonly Action<int> stepSlice;
    private float[] frameInputs = [];
    private float[] frameStates = [];

    public StepBatchParallel(CrowdPolicy policy, int sliceCount)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sliceCount);
        this.policy = policy;
        this.sliceCount = sliceCount;
        stepSlice = StepSlice;
    }

    public string Description => $"StepBatch on {sliceCount} cores, Parallel.For";

    public void Advance(float[] inputs, float[] states)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(states);
        frameInputs = inputs;
        frameStates = states;
        Parallel.For(0, sliceCount, stepSlice);
    }

    private void StepSlice(int slice)
    {
        int agents = frameStates.Length / CrowdPolicy.OutputSize;
        int first = slice * agents / sliceCount;
        int count = ((slice + 1) * agents / sliceCount) - first;
        policy.StepBatch(
            frameInputs.AsSpan(first * CrowdPolicy.InputSize, count * CrowdPolicy.InputSize),
            frameStates.AsSpan(first * CrowdPolicy.OutputSize, count * CrowdPolicy.OutputSize));
    }
}
