using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Tests.Planning;

public class KernelPlannerTests
{
    [Fact]
    public void Main_shape_is_fully_unrolled_on_wide_paths_with_enough_chains()
    {
        KernelPlan plan = KernelPlanner.Plan(Model(100, 32, 64));
        VectorPathPlan v512 = plan.VectorPaths[0], v256 = plan.VectorPaths[1], v128 = plan.VectorPaths[2];

        Assert.Equal((512, 4, true, 2), (v512.Bits, v512.Chunks, v512.Unrolled, v512.AccumulatorsPerChunk));
        Assert.Equal((256, 8, true, 1), (v256.Bits, v256.Chunks, v256.Unrolled, v256.AccumulatorsPerChunk));
        Assert.Equal((128, 16, false, 1), (v128.Bits, v128.Chunks, v128.Unrolled, v128.AccumulatorsPerChunk));
        Assert.Equal(12_288, plan.FlopsPerStep);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(13, 3, 5)]
    [InlineData(7, 9, 33)]
    [InlineData(1000, 8, 16)]
    [InlineData(20, 64, 256)]
    [InlineData(1, 1, 8192)]
    public void Every_plan_keeps_its_invariants(int timesteps, int input, int output)
    {
        KernelPlan plan = KernelPlanner.Plan(Model(timesteps, input, output));
        Assert.InRange(plan.BlockSteps, 1, Math.Min(timesteps, KernelPlanner.MaxBlockSteps));
        Assert.True(plan.RowStride >= output && plan.RowStride % 16 == 0);
        Assert.True(plan.StepBufferFloats * 4 <= 64 * 1024 + 64, "Step stack within 64 KiB");
        foreach (VectorPathPlan path in plan.VectorPaths)
        {
            Assert.True(path.PaddedOutput >= output && path.PaddedOutput - output < path.Lanes);
            Assert.True(path.PaddedOutput <= plan.RowStride);
            Assert.InRange(path.AccumulatorsPerChunk, 1, Math.Min(output, KernelPlanner.ChainsToHideLatency));
            AssertTilesCover(path.RecurrentTiles, path.Chunks);
            AssertTilesCover(path.ProjectionTiles, path.Chunks);
            int budget = path.Registers - KernelPlanner.ReservedRegisters;
            Assert.All(path.RecurrentTiles, tile => Assert.True(tile.ChunkCount * path.AccumulatorsPerChunk <= Math.Max(budget, path.AccumulatorsPerChunk)));
            Assert.Equal(path.UnrolledMultiplyAdds <= path.UnrollBudget, path.Unrolled);
            AssertTilesCover(path.GroupedProjectionTiles, path.Chunks);
            Assert.InRange(path.ProjectionSteps, 2, 4);
            Assert.All(path.GroupedProjectionTiles, tile => Assert.True((path.ProjectionSteps + 1) * tile.ChunkCount + 2 <= path.Registers, $"{path.Bits}: {path.ProjectionSteps} steps × {tile.ChunkCount} chunks do not fit"));
            Assert.Equal(path.Bits == 128 ? KernelPlanner.HelperUnrollBudget : KernelPlanner.UnrollBudget, path.UnrollBudget);
        }
    }

    [Theory]
    [InlineData(1000, 8, 16, true)]
    [InlineData(100, 32, 32, true)]
    [InlineData(100, 32, 64, false)]
    [InlineData(50, 128, 128, false)]
    [InlineData(1, 32, 64, true)]
    [InlineData(1, 128, 128, true)]
    public void Small_layers_and_single_timesteps_run_as_steps_with_AVX512(int timesteps, int input, int output, bool expected)
    {
        VectorPathPlan v512 = KernelPlanner.Plan(Model(timesteps, input, output)).VectorPaths[0];
        Assert.Equal(expected, v512.RunsAsSteps);
    }

    [Fact]
    public void The_main_shape_runs_as_steps_only_with_AVX2()
    {
        KernelPlan plan = KernelPlanner.Plan(Model(100, 32, 64));
        Assert.Equal((false, true, false), (plan.VectorPaths[0].RunsAsSteps, plan.VectorPaths[1].RunsAsSteps, plan.VectorPaths[2].RunsAsSteps));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1000, 8, 16)]
    [InlineData(1, 64, 256)]
    [InlineData(20, 64, 256)]
    [InlineData(1, 1, 8192)]
    public void Only_paths_with_every_sum_in_registers_step_or_run_without_rows(int timesteps, int input, int output)
    {
        foreach (VectorPathPlan path in KernelPlanner.Plan(Model(timesteps, input, output)).VectorPaths)
        {
            Assert.Equal(path.RecurrentTiles.Length == 1, path.StepInRegisters);
            Assert.True(!path.RunsAsSteps || path.StepInRegisters, $"{path.Bits}: runs as steps without a step kernel");
        }
    }

    [Fact]
    public void Main_shape_projects_four_timesteps_per_weight_load_with_AVX512()
    {
        VectorPathPlan v512 = KernelPlanner.Plan(Model(100, 32, 64)).VectorPaths[0];
        Assert.Equal(4, v512.ProjectionSteps);
        Assert.Equal([4], v512.GroupedProjectionTiles.Select(t => t.ChunkCount));
    }

    [Fact]
    public void Tiles_are_balanced()
    {
        VectorPathPlan v256 = KernelPlanner.Plan(Model(5, 64, 256)).VectorPaths[1];
        Assert.Equal([11, 11, 10], v256.RecurrentTiles.Select(t => t.ChunkCount));
    }

    private static void AssertTilesCover(EquatableArray<ChunkTile> tiles, int chunks)
    {
        int next = 0;
        foreach (ChunkTile tile in tiles)
        {
            Assert.Equal(next, tile.FirstChunk);
            Assert.True(tile.ChunkCount > 0);
            next += tile.ChunkCount;
        }

        Assert.Equal(chunks, next);
    }

    private static SimpleRnnModel Model(int timesteps, int input, int output)
        => new(new HierarchyInfo("", new[] { new TypeDeclarationInfo("class", "M", "") }.ToEquatableArray()), timesteps, input, output, RnnActivationKind.Tanh, true, null);
}
