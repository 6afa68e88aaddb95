using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests;

/// <summary>One loaded instance, many threads at once: every result equals the single-threaded one bit for bit.</summary>
public class ThreadSafetyTests
{
    private const int Sequences = 16;
    private const int Rounds = 8;

    public static TheoryData<string> Models => ["Tanh100x32x64", "Tanh5x64x256", "Relu9x7x20", "Sigmoid13x3x5", "Tanh1000x8x16"];

    [Theory]
    [MemberData(nameof(Models))]
    public void Concurrent_calls_on_one_instance_match_the_single_threaded_results(string model)
    {
        (RnnUnderTest rnn, _, Random random) = ModelCatalog.CreateLoaded(model);
        RnnShape shape = rnn.Shape;
        float[][] inputs = Enumerable.Range(0, Sequences).Select(_ => RandomData.Signal(random, shape.InputsLength)).ToArray();
        float[][] expected = inputs.Select(rnn.RunAll).ToArray();

        // More threads than cores (within reason), released together by the barrier, so that calls really interleave.
        int threadCount = Math.Clamp(Environment.ProcessorCount * 2, 4, 16);
        using var start = new Barrier(threadCount);
        var failures = new ConcurrentQueue<string>();
        Thread[] threads = Enumerable.Range(0, threadCount).Select(id => new Thread(() =>
        {
            try
            {
                var outputs = new float[shape.OutputsLength];
                var state = new float[shape.Output];
                start.SignalAndWait();
                for (int round = 0; round < Rounds; round++)
                {
                    for (int s = 0; s < Sequences; s++)
                    {
                        // Each thread walks the sequences from a different place.
                        int k = (s + id + round) % Sequences;
                        rnn.Run(inputs[k], outputs);
                        if (!SameBits(expected[k], outputs))
                        {
                            failures.Enqueue($"thread {id}, round {round}: Run of sequence {k} differs");
                        }

                        Array.Clear(state);
                        rnn.RunLast(inputs[k], state);
                        if (!SameBits(expected[k].AsSpan(^shape.Output..), state))
                        {
                            failures.Enqueue($"thread {id}, round {round}: RunLast of sequence {k} differs");
                        }
                    }
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                failures.Enqueue($"thread {id} threw {exception}");
            }
        })).ToArray();

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
