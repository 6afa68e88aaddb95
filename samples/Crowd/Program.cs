using System;
using System.Globalization;
using Crowd;
using RnnGen;

const int DefaultAgents = 1024;
const int WorldSeed = 7;
const int TimedFrames = 1000;
const int AgreementFrames = 3600;
// The bound RnnGen promises between a sequence's StepBatch and Step results.
const float Tolerance = 1e-5f;

int agentCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : DefaultAgents;
int cores = Environment.ProcessorCount;

// The GRU's weights are part of the assembly: no file is read and no Python is needed.
CrowdPolicy policy = CrowdPolicy.CreateWithEmbeddedWeights();
var stepLoop = new StepPerAgent(policy);
var batch = new StepBatchOnce(policy);
var parallel = new StepBatchParallel(policy, sliceCount: cores);

Print($"A crowd of {agentCount:N0} agents in a {2 * Arena.HalfSize:F0} m square, each with its own GRU state, all steered every frame by one shared policy.");
Print($"Policy: GRU, {CrowdPolicy.InputSize} inputs → {CrowdPolicy.OutputSize} units, weights compiled in, and a Linear({CrowdPolicy.OutputSize}, 2) head to an acceleration; CPU path {SimdPaths.Current}, {cores} cores.");
Console.WriteLine();

Print($"Time per frame after a 1 s warm-up, over {TimedFrames:N0} frames, the three crowds taking turns frame by frame:");
Print($"  {"",-36} {"policy",9} {"fastest",9} {"agents per ms",14} {"whole frame",12} {"allocated",10}");
IPolicyStepper[] steppers = [stepLoop, batch, parallel];
SimulatedCrowd[] crowds = Array.ConvertAll(steppers, stepper => new SimulatedCrowd(stepper, agentCount, WorldSeed));
FrameTimes[] times = FrameTiming.Measure(crowds, TimedFrames);
for (int i = 0; i < steppers.Length; i++)
{
    double agentsPerMillisecond = agentCount / times[i].PolicyMilliseconds;
    Print($"  {steppers[i].Description + ":",-36} {times[i].PolicyMilliseconds,6:F3} ms {times[i].FastestPolicyMilliseconds,6:F3} ms {agentsPerMillisecond,14:N0} {times[i].FrameMilliseconds,9:F3} ms {times[i].AllocatedBytesPerFrame,8:F0} B");
}

Print($"  StepBatch over the Step loop: {SpeedUp(times[0], times[1])}; on {cores} cores over 1: {SpeedUp(times[1], times[2])}.");
Print($"  (policy: the median frame; fastest: the fastest frame, one that other processes left alone; agents per ms:");
Print($"  how many agents the policy steps in 1 ms at the median rate; whole frame: the median frame of sensing with a");
Print($"  neighbour grid, the policy, the head and the motion; allocated: bytes per frame, on all threads)");
Console.WriteLine();

var agreementWorld = new CrowdWorld(agentCount, WorldSeed);
AgreementResult agreement = Agreement.Run(agreementWorld, stepLoop, batch, parallel, AgreementFrames);
bool agree = agreement.StepLoopVersusBatch <= Tolerance && agreement.ParallelVersusBatch <= Tolerance;
Print($"The same {agreement.Frames:N0} frames ({agreement.Frames * Arena.FrameSeconds:F0} s of game time) stepped all three ways side by side; largest difference in any state:");
Print($"  Step loop vs StepBatch {agreement.StepLoopVersusBatch:0.0e+0}, {cores} cores vs StepBatch {agreement.ParallelVersusBatch:0.0e+0}: {(agree ? "the same" : "NOT the same")} within {Tolerance:0e+0}.");
Print($"  Meanwhile the agents reached {agreementWorld.TargetsReached:N0} targets.");
if (!agree)
{
    Environment.ExitCode = 1;
}

static string SpeedUp(FrameTimes before, FrameTimes after) => string.Create(
    CultureInfo.InvariantCulture,
    $"{before.PolicyMilliseconds / after.PolicyMilliseconds:F2}× as fast (fastest frames {before.FastestPolicyMilliseconds / after.FastestPolicyMilliseconds:F2}×)");

static void Print(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));
