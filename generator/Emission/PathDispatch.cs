using System;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Emission;

/// <summary>
/// The body of an entry point that picks its CPU path: <c>if (widest) { … } else if (…) { … } else { fallback }</c>.
/// Each condition is a JIT-time constant, so only the branch this machine takes is compiled.
/// </summary>
internal static class PathDispatch
{
    /// <param name="writer">Where the body goes, inside the method's braces.</param>
    /// <param name="plan">The layer's plan; its vector paths become the branches, widest first.</param>
    /// <param name="writeBranch">Writes the body of one path's branch.</param>
    /// <param name="fallback">The statement for CPUs without an accelerated path.</param>
    /// <param name="unreachable">For a path whose machines never call this entry point, the comment saying why; else null.</param>
    public static void Write(IndentedTextWriter writer, KernelPlan plan, Action<VectorPathPlan> writeBranch, string fallback, Func<VectorPathPlan, string?>? unreachable = null)
    {
        string keyword = "if";
        foreach (VectorPathPlan path in plan.VectorPaths)
        {
            string? why = unreachable?.Invoke(path);
            if (why is not null)
            {
                writer.WriteLine($"// {path.TypeAlias}: {why}");
                continue;
            }

            writer.WriteLine($"{keyword} ({path.Condition})");
            using (writer.OpenBlock())
            {
                writeBranch(path);
            }

            keyword = "else if";
        }

        if (keyword == "if")
        {
            writer.WriteLine(fallback);
            return;
        }

        writer.WriteLine("else");
        using (writer.OpenBlock())
        {
            writer.WriteLine(fallback);
        }
    }
}
