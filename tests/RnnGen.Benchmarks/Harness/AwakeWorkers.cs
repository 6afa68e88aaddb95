using System;
using System.Threading;

namespace RnnGen.Benchmarks.Harness;

/// <summary>
/// Threads that stay awake between calls, spinning until the next one, as a game's job-system workers do while a
/// frame is in flight: each call runs slice 0 on the calling thread and slice k on worker k at once, with no thread
/// to wake first. (A sleeping pool thread must be woken by the operating system, and on a virtual machine that can
/// take longer than a whole slice of work.) Calls allocate nothing.
/// </summary>
public sealed class AwakeWorkers : IDisposable
{
    private readonly Thread[] workers;
    private Action<int>? work;
    private int generation;
    private int pending;
    private volatile bool stopping;

    /// <summary><paramref name="slices"/> − 1 workers, each pinned to nothing but its own slice number.</summary>
    public AwakeWorkers(int slices)
    {
        workers = new Thread[slices - 1];
        for (int w = 0; w < workers.Length; w++)
        {
            int slice = w + 1;
            workers[w] = new Thread(() => Spin(slice)) { IsBackground = true, Name = $"awake worker {slice}" };
            workers[w].Start();
        }
    }

    /// <summary>Runs <paramref name="slice"/>(k) for every slice k, slice 0 on this thread, and returns when all are done.</summary>
    public void Run(Action<int> slice)
    {
        work = slice;
        Volatile.Write(ref pending, workers.Length);
        Interlocked.Increment(ref generation);
        slice(0);
        SpinWait wait = default;
        while (Volatile.Read(ref pending) != 0)
        {
            wait.SpinOnce(sleep1Threshold: -1);
        }
    }

    public void Dispose()
    {
        stopping = true;
        foreach (Thread worker in workers)
        {
            worker.Join();
        }
    }

    private void Spin(int slice)
    {
        int seen = 0;
        while (!stopping)
        {
            int current = Volatile.Read(ref generation);
            if (current != seen)
            {
                seen = current;
                work!(slice);
                Interlocked.Decrement(ref pending);
            }
            else
            {
                Thread.SpinWait(20);
            }
        }
    }
}
