using System;
using System.Globalization;
using System.Numerics;
using MotionPrediction;
using RnnGen;

// Fresh C# paths, never seen in training (which drew its own paths in Python).
const int HeldOutPaths = 2000;
const int HeldOutSeed = 2024;
const int StreamTicks = 600;
const int StreamSeed = 7;
const int LatencyBatches = 21;
const int CallsPerBatch = 50_000;

// The weights are part of the assembly: no file is read and no Python is needed.
MotionPredictor model = MotionPredictor.CreateWithEmbeddedWeights();
var predictor = new NextPositionPredictor(model);

Print($"Next-position prediction for a moving target, from its last {MotionPredictor.Timesteps} ticks.");
Print($"Model: Elman RNN, {MotionPredictor.Timesteps} ticks × {MotionPredictor.InputSize} inputs → {MotionPredictor.OutputSize} tanh units, weights compiled in; CPU path {SimdPaths.Current}.");
Console.WriteLine();

HeldOutResult heldOut = HeldOutEvaluation.Run(predictor, new Trajectories(HeldOutSeed), HeldOutPaths);
Print($"{HeldOutPaths} held-out paths, one RunLast each (zero initial state); error of the predicted next position");
Print($"in world units (the target moved {heldOut.MeanDistanceMoved:F2} units in that tick, on average):");
Print($"                        mean      p95");
Print($"  RNN                 {heldOut.Model.Mean,7:F4}  {heldOut.Model.P95,7:F4}");
Print($"  constant velocity   {heldOut.Baseline.Mean,7:F4}  {heldOut.Baseline.P95,7:F4}");
Print($"  constant accel.     {heldOut.SecondOrder.Mean,7:F4}  {heldOut.SecondOrder.P95,7:F4}");
Print($"  RNN / const. vel.   {heldOut.Model.Mean / heldOut.Baseline.Mean,7:F3}  {heldOut.Model.P95 / heldOut.Baseline.P95,7:F3}");
Print($"  RNN / const. accel. {heldOut.Model.Mean / heldOut.SecondOrder.Mean,7:F3}  {heldOut.Model.P95 / heldOut.SecondOrder.P95,7:F3}");
Console.WriteLine();

Vector2[] streamPath = new Trajectories(StreamSeed).Next(StreamTicks);
StreamingResult stream = StreamingRun.Run(new StreamingPredictor(model), streamPath, sampleEvery: 100);
Print($"Game loop: one path of {StreamTicks} ticks, one Step per tick (the state carries the whole path).");
Print($"  {"tick",4}   {"actual next",-20}   {"RNN (error)",-29}   constant velocity (error)");
foreach (StreamingSample sample in stream.Samples)
{
    Print($"  {sample.Tick,4}   {Format(sample.Actual)}   {Format(sample.Model)} ({Vector2.Distance(sample.Model, sample.Actual):F4})   {Format(sample.Baseline)} ({Vector2.Distance(sample.Baseline, sample.Actual):F4})");
}

Print($"  ticks {StreamingRun.FirstScoredTick}-{StreamTicks - 1}: RNN mean {stream.Model.Mean:F4}, p95 {stream.Model.P95:F4}; constant velocity mean {stream.Baseline.Mean:F4}, p95 {stream.Baseline.P95:F4}");
Console.WriteLine();

// Latency on one real window; each measurement includes a delegate call, about a nanosecond.
Vector2[] history = new Trajectories(HeldOutSeed + 1).Next(NextPositionPredictor.HistoryLength - 1);
float[] window = new float[MotionPredictor.Timesteps * MotionPredictor.InputSize];
for (int t = 0; t < MotionPredictor.Timesteps; t++)
{
    MotionEncoding.WriteInput(history[t + 1] - history[t], window.AsSpan(t * MotionPredictor.InputSize, MotionPredictor.InputSize));
}

float[] state = new float[MotionPredictor.OutputSize];
double runLastNs = Latency.MeanNanoseconds(() => { Array.Clear(state); model.RunLast(window, state); }, LatencyBatches, CallsPerBatch);
double predictNs = Latency.MeanNanoseconds(() => predictor.PredictNext(history), LatencyBatches, CallsPerBatch);
double stepNs = Latency.MeanNanoseconds(() => model.Step(window.AsSpan(0, MotionPredictor.InputSize), state), LatencyBatches, CallsPerBatch);
Print($"Latency after a 1 s warm-up: median of {LatencyBatches} batch means, {CallsPerBatch:N0} calls each:");
Print($"  {"RunLast, " + MotionPredictor.Timesteps + " timesteps from a zero state:",-44} {runLastNs,6:F0} ns per prediction");
Print($"  {"PredictNext (positions in, position out):",-44} {predictNs,6:F0} ns per prediction");
Print($"  {"Step, 1 timestep (game loop):",-44} {stepNs,6:F0} ns per tick");

static void Print(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));

static string Format(Vector2 position) => string.Create(CultureInfo.InvariantCulture, $"({position.X,8:F3}, {position.Y,8:F3})");
