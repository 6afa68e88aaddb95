using System;
using System.Globalization;
using System.IO;
using AudioEffect;
using RnnGen;

// Plucks and a sweep made in C#, never seen in training (which drew its own sounds in Python).
const int TestSeed = 2024;
// 10 ms of audio, a common callback size.
const int BlockSamples = 480;
const int LatencyPasses = 20;

// The LSTM's weights are part of the assembly: no file is read and no Python is needed.
DriveModel model = DriveModel.CreateWithEmbeddedWeights();
float[] input = TestSignal.Create(TestSeed);

Print($"A tube-like drive (tone filter, envelope-controlled drive, biased tanh), mimicked by a network run once per sample.");
Print($"Model: LSTM, {DriveModel.InputSize} input → {DriveModel.OutputSize} units, weights compiled in, and a Linear({DriveModel.OutputSize} + 1, 1) head over the state and the sample; CPU path {SimdPaths.Current}.");
Console.WriteLine();

SideBySideResult result = SideBySide.Run(input, new TubeDrive(), new NeuralDrive(model));
Print($"{(double)input.Length / AudioFormat.SampleRate:F0} s of test audio at {AudioFormat.SampleRate / 1000} kHz, one Step per sample from silence ({result.AllocatedBytes} bytes allocated in the loop):");
Print($"  {"",-34} {"RMS error",10} {"effect RMS",11} {"relative",9}");
PrintAccuracy("plucked strings, soft to loud", 0, TestSignal.PluckSamples);
PrintAccuracy("sweep 40 Hz-8 kHz, -30 to -3 dBFS", TestSignal.PluckSamples, TestSignal.SweepSamples);
PrintAccuracy("all", 0, TestSignal.Length);
Console.WriteLine();

var network = new NeuralDrive(model);
var effect = new TubeDrive();
float[] hidden = new float[DriveModel.OutputSize], cell = new float[DriveModel.OutputSize];
double networkNs = Latency.NanosecondsPerSample((block, output) =>
{
    for (int n = 0; n < block.Length; n++)
    {
        output[n] = network.Process(block[n]);
    }
}, input, BlockSamples, LatencyPasses);
double stepNs = Latency.NanosecondsPerSample((block, output) =>
{
    for (int n = 0; n < block.Length; n++)
    {
        model.Step(block.Slice(n, 1), hidden, cell);
    }
}, input, BlockSamples, LatencyPasses);
double effectNs = Latency.NanosecondsPerSample((block, output) =>
{
    for (int n = 0; n < block.Length; n++)
    {
        output[n] = effect.Process(block[n]);
    }
}, input, BlockSamples, LatencyPasses);

// Real time allows 1e9 / 48,000 = 20,833 ns per sample.
double realTimeNs = 1e9 / AudioFormat.SampleRate;
Print($"Time per sample after a 1 s warm-up: median over {LatencyPasses} passes in blocks of {BlockSamples} samples:");
Print($"  {"LSTM Step + output head:",-30} {networkNs,6:F0} ns, {realTimeNs / networkNs,6:F0}× faster than real time");
Print($"  {"LSTM Step alone:",-30} {stepNs,6:F0} ns");
Print($"  {"the effect itself (C#):",-30} {effectNs,6:F0} ns");

if (args.Length > 0)
{
    Directory.CreateDirectory(args[0]);
    WavFile.Write(Path.Combine(args[0], "input.wav"), input);
    WavFile.Write(Path.Combine(args[0], "effect.wav"), result.Target);
    WavFile.Write(Path.Combine(args[0], "network.wav"), result.Predicted);
    Console.WriteLine();
    Print($"Wrote input.wav, effect.wav and network.wav to {Path.GetFullPath(args[0])}.");
}

void PrintAccuracy(string label, int start, int length)
{
    Accuracy accuracy = Accuracy.Of(result.Predicted.AsSpan(start, length), result.Target.AsSpan(start, length));
    Print($"  {label,-34} {accuracy.RmsError,10:F5} {accuracy.TargetRms,11:F4} {accuracy.RelativeDb,6:F1} dB");
}

static void Print(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));
