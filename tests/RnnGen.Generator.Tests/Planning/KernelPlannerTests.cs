using RnnGen.Generator.Cells;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using RnnGen.Generator.Planning;
using RnnGen.Layout;

namespace RnnGen.Generator.Tests.Planning;

public class KernelPlannerTests
{
    [Fact]
    public void SimpleRnn_main_shape_spells_its_columns_out_on_wide_paths_with_enough_chains()
    {
        KernelPlan plan = KernelPlanner.Plan(Model(CellKind.SimpleRnn, 100, 32, 64));
        PathPlan v512 = plan.Paths[0], v256 = plan.Paths[1], v128 = plan.Paths[2];

        Assert.Equal((4, true, 2), (v512.Chunks, v512.Phases[0].ColumnsSpelledOut, v512.Phases[0].Partials));
        Assert.Equal((8, true, 1), (v256.Chunks, v256.Phases[0].ColumnsSpelledOut, v256.Phases[0].Partials));
        Assert.Equal((16, false, 1), (v128.Chunks, v128.Phases[0].ColumnsSpelledOut, v128.Phases[0].Partials));
        Assert.Equal(12_288, plan.FlopsPerStep);
    }

    [Fact]
    public void Gru_main_shape_keeps_every_gate_of_every_chunk_in_registers_with_AVX512()
    {
        PathPlan v512 = KernelPlanner.Plan(Model(CellKind.Gru, 100, 32, 64)).Paths[0];

        // z, r, xn and hn of 4 chunks: 16 accumulators, 12 of them recurrent chains.
        Assert.True(v512.Phases[0].SingleTile);
        Assert.Equal(1, v512.Phases[0].Partials);
        Assert.True(v512.StepInPlace);
        Assert.Equal(3 * 64, v512.RowLength);
    }

    [Fact]
    public void A_GRU_without_reset_after_has_two_products_and_always_steps_in_place()
    {
        KernelPlan plan = KernelPlanner.Plan(Model(CellKind.Gru, 10, 8, 256, resetAfter: false));
        Assert.All(plan.Paths, path => Assert.Equal(2, path.Phases.Length));
        Assert.All(plan.Paths, path => Assert.True(path.StepInPlace, $"{path.Width.Name}: its second product reads r ⊙ h, not h"));
    }

    [Theory]
    [InlineData("SimpleRnn", 1, 1, 1)]
    [InlineData("SimpleRnn", 13, 3, 5)]
    [InlineData("SimpleRnn", 7, 9, 33)]
    [InlineData("SimpleRnn", 1000, 8, 16)]
    [InlineData("SimpleRnn", 20, 64, 256)]
    [InlineData("SimpleRnn", 2, 1, 8192)]
    [InlineData("Gru", 100, 32, 64)]
    [InlineData("Gru", 2048, 1, 16)]
    [InlineData("Gru", 5, 7, 33)]
    [InlineData("Gru", 2, 1, 4720)]
    [InlineData("Lstm", 100, 32, 64)]
    [InlineData("Lstm", 2048, 1, 40)]
    [InlineData("Lstm", 50, 128, 128)]
    [InlineData("Lstm", 2, 1, 4096)]
    public void Every_plan_keeps_its_invariants(string cellName, int timesteps, int input, int output)
    {
        var cell = Enum.Parse<CellKind>(cellName);
        foreach (bool resetAfter in cell == CellKind.Gru ? new[] { true, false } : [false])
        {
            LayerModel model = Model(cell, timesteps, input, output, resetAfter);
            KernelPlan plan = KernelPlanner.Plan(model);
            Assert.Equal(VectorWidth.All, plan.Paths.Select(p => p.Width));
            for (int p = 0; p < plan.Paths.Length; p++)
            {
                PathPlan path = plan.Paths[p];
                int lanes = path.Width.Lanes;
                Assert.True(path.PaddedOutput >= output && path.PaddedOutput - output < lanes);
                Assert.Equal(model.Gates * path.PaddedOutput, path.RowLength);
                IReadOnlyList<CellPhase> phases = Cell.For(cell).Phases(model);
                for (int k = 0; k < phases.Count; k++)
                {
                    PhasePlan phase = path.Phases[k];
                    AssertCovers(phase.Tiles, path.Chunks, fullChunks: output / lanes);
                    int perChunk = phases[k].Slots.Length + ((phase.Partials - 1) * phases[k].RecurrentSlots);
                    Assert.True(phase.Tiles.MaxTileChunks * perChunk <= Math.Max(path.Width.Registers - KernelPlanner.ReservedRegisters, perChunk), $"{path.Width.Name}: a tile's sums exceed the registers");
                    Assert.InRange(phase.Partials, 1, Math.Min(output, KernelPlanner.ChainsToHideLatency));
                    Assert.True(!phase.ColumnsSpelledOut || phase.MultiplyAdds <= path.Width.UnrollBudget);
                    Assert.True(phase.Tiles.SpelledTiles.Length <= KernelPlanner.MaxSpelledTiles + 1, "a loop leaves at most one tile and the last chunk");
                }

                if (path.Blocked is { } blocked)
                {
                    Assert.InRange(blocked.BlockSteps, 1, Math.Min(timesteps, KernelPlanner.MaxBlockSteps));
                    Assert.True(blocked.RowStride >= path.RowLength && blocked.RowStride % 16 == 0);
                    Assert.True(blocked.RowStride * 4 <= KernelPlanner.MaxBlockedRowBytes);
                    Assert.InRange(blocked.ProjectionSteps, 2, 4);
                    AssertCovers(blocked.ProjectionTiles, path.RowLength / lanes, path.RowLength / lanes);
                    Assert.All(blocked.ProjectionTiles.SpelledTiles, tile => Assert.True((blocked.ProjectionSteps + 1) * tile.ChunkCount + 2 <= path.Width.Registers));
                }
            }
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
        PathPlan v512 = KernelPlanner.Plan(Model(CellKind.SimpleRnn, timesteps, input, output)).Paths[0];
        Assert.Equal(expected, v512.Blocked is null);
    }

    [Fact]
    public void The_main_SimpleRnn_shape_runs_as_steps_only_with_AVX2_and_without_SIMD()
    {
        KernelPlan plan = KernelPlanner.Plan(Model(CellKind.SimpleRnn, 100, 32, 64));
        Assert.Equal([false, true, false, true], plan.Paths.Select(p => p.Blocked is null));
    }

    [Fact]
    public void The_largest_layers_loop_over_tiles_and_run_as_steps()
    {
        foreach ((CellKind cell, int output) in new[] { (CellKind.SimpleRnn, 8192), (CellKind.Gru, 4720), (CellKind.Lstm, 4096) })
        {
            foreach (PathPlan path in KernelPlanner.Plan(Model(cell, 3, 1, output)).Paths)
            {
                Assert.Null(path.Blocked);
                Assert.All(path.Phases, phase => Assert.True(phase.Tiles.LoopedTiles > 0 && !phase.ColumnsSpelledOut, $"{cell} {path.Width.Name}"));
            }
        }
    }

    [Fact]
    public void Main_shape_projects_four_timesteps_per_weight_load_with_AVX512()
    {
        BlockedRunPlan? blocked = KernelPlanner.Plan(Model(CellKind.SimpleRnn, 100, 32, 64)).Paths[0].Blocked;
        Assert.NotNull(blocked);
        Assert.Equal(4, blocked.ProjectionSteps);
        Assert.Equal([4], blocked.ProjectionTiles.SpelledTiles.Select(t => t.ChunkCount));
    }

    [Fact]
    public void Tiles_are_balanced()
    {
        PathPlan v256 = KernelPlanner.Plan(Model(CellKind.SimpleRnn, 5, 64, 256)).Paths[1];
        Assert.Equal([11, 11, 10], v256.Phases[0].Tiles.SpelledTiles.Select(t => t.ChunkCount));
    }

    [Fact]
    public void Many_tiles_become_a_loop_of_whole_tiles_and_a_written_out_rest()
    {
        TileSchedule schedule = KernelPlanner.Schedule(units: 100, loopable: 99, maxPerTile: 7);
        Assert.Equal((7, 14), (schedule.TileChunks, schedule.LoopedTiles));
        Assert.Equal([new ChunkTile(98, 2)], schedule.SpelledTiles);
    }

    private static void AssertCovers(TileSchedule schedule, int chunks, int fullChunks)
    {
        int next = schedule.LoopedTiles * schedule.TileChunks;
        Assert.True(next <= fullChunks, "a looped tile holds a partly used chunk");
        foreach (ChunkTile tile in schedule.SpelledTiles)
        {
            Assert.Equal(next, tile.FirstChunk);
            Assert.True(tile.ChunkCount > 0);
            next += tile.ChunkCount;
        }

        Assert.Equal(chunks, next);
    }

    private static LayerModel Model(CellKind cell, int timesteps, int input, int output, bool resetAfter = true)
        => new(cell, new HierarchyInfo("", new[] { new TypeDeclarationInfo("class", "M", "") }.ToEquatableArray()), timesteps, input, output, ActivationKind.Tanh, ActivationKind.Sigmoid, UseBias: true, cell == CellKind.Gru && resetAfter, null);
}
