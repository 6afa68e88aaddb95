using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using RnnGen.Tests.Gated.Harness;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Gated;

/// <summary>One loaded GRU or LSTM, many threads at once: every result equals the single-threaded one bit for bit.</summary>
public class GatedThreadSafetyTests
{
    private const int Sequences = 12;
    private const int Rounds = 4;

    public static TheoryData<string> Models =>
        ["Gru100x32x64", "Gru5x16x256", "GruResetBefore100x32x64", "GruReluSigmoid13x3x7", "Lstm100x32x64", "Lstm5x16x256", "Lstm1000x8x16", "LstmLinearTanh9x7x20"];

    [Theory]
    [MemberData(nameof(Models))]
    public void Concurrent_calls_on_one_instance_match_the_single_threaded_results(string model)
    {
        (GatedUnderTest rnn, _, Random random) = GatedCatalog.CreateLoaded(model);
        GatedShape shape = rnn.Shape;
        float[][] inputs = [.. Enumerable.Range(0, Sequences).Select(_ => RandomData.Signal(random, shape.InputsLength))];
        GatedState[] starts = [.. Enumerable.Range(0, Sequences).Select(_ => GatedState.Random(shape, random))];
        float[][] expectedRuns = [.. inputs.Select((x, k) => rnn.RunAll(x, starts[k]))];
        GatedState[] expectedLasts = [.. inputs.Select((x, k) => rnn.RunLastFrom(x, starts[k]))];

        // More threads than cores (within reason), released together by the barrier, so that calls really interleave.
        int threadCount = Math.Clamp(Environment.ProcessorCount * 2, 4, 16);
        using var start = new Barrier(threadCount);
        var failures = new ConcurrentQueue<string>();
        Thread[] threads = [.. Enumerable.Range(0, threadCount).Select(id => new Thread(() =>
        {
            try
            {
                var outputs = new float[shape.OutputsLength];
                start.SignalAndWait();
                for (int round = 0; round < Rounds; round++)
                {
                    for (int s = 0; s < Sequences; s++)
                    {
                        // Each thread walks the sequences from a different place.
                        int k = (s + id + round) % Sequences;
                        rnn.RunFrom(inputs[k], outputs, starts[k].Hidden, starts[k].Cell);
                        if (!SameBits(expectedRuns[k], outputs))
                        {
                            failures.Enqueue($"thread {id}, round {round}: Run of sequence {k} differs");
                        }

                        GatedState state = starts[k].Copy();
                        rnn.RunLast(inputs[k], state.Hidden, state.Cell);
                        if (!SameBits(expectedLasts[k].Hidden, state.Hidden) || !SameBits(expectedLasts[k].Cell, state.Cell))
                        {
                            failures.Enqueue($"thread {id}, round {round}: RunLast of sequence {k} differs");
                        }

                        state = starts[k].Copy();
                        rnn.Step(inputs[k].AsSpan(0, shape.Input), state.Hidden, state.Cell);
                        if (!SameBits(expectedRuns[k].AsSpan(0, shape.Output), state.Hidden))
                        {
                            failures.Enqueue($"thread {id}, round {round}: Step of sequence {k} differs from the first row of Run");
                        }
                    }
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                failures.Enqueue($"thread {id} threw {exception}");
            }
        }))];

        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        Assert.True(failures.IsEmpty, $"{model}: {failures.Count} concurrent results differ from the single-threaded ones:\n{string.Join("\n", failures.Take(10))}");
    }

    private static bool SameBits(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
        => MemoryMarshal.AsBytes(expected).SequenceEqual(MemoryMarshal.AsBytes(actual));
}
