using System.Collections.Generic;
using System.Linq;
using RnnGen.Tests.Batch.Harness;
using RnnGen.Tests.Stack;

namespace RnnGen.Tests.Batch;

/// <summary>The batch sizes of these tests reach the edges of every generated kernel's tiles.</summary>
public class BatchWidthTests
{
    [Fact]
    public void The_batch_sizes_hold_k_minus_one_k_and_k_plus_one_for_every_k_a_header_states()
    {
        (string File, GeneratedHeader Header)[] headers = GeneratedHeader.All();
        Assert.NotEmpty(headers);
        foreach ((string file, GeneratedHeader header) in headers)
        {
            IReadOnlyDictionary<SimdPath, int> widths = header.SequencesPerKernelCall();
            Assert.True(widths.Count == 4, $"{file}: the header states k for {widths.Count} CPU paths, expected Vector512, Vector256, Vector128 and Scalar.");
            foreach ((SimdPath path, int k) in widths)
            {
                int[] missing = [.. new[] { k - 1, k, k + 1 }.Where(n => !BatchSizes.AroundTiles.Contains(n))];
                Assert.True(missing.Length == 0, $"{file}: k = {k} on {path}; add N = {string.Join(", ", missing)} to BatchSizes.AroundTiles.");
            }
        }
    }
}
