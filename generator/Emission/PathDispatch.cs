using System;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Emission;

/// <summary>
/// The body of an entry point that picks its CPU path: <c>if (widest) { … } else if (…) { … } else { scalar }</c>.
/// Each condition is a JIT-time constant, so only the branch this machine takes is compiled.
/// </summary>
internal static class PathDispatch
{
    /// <param name="writer">Where the body goes, inside the method's braces.</param>
    /// <param name="plan">The layer's plan; its paths become the branches, widest first, the scalar path last.</param>
    /// <param name="writeBranch">Writes the body of one path's branch.</param>
    public static void Write(Helpers.IndentedTextWriter writer, KernelPlan plan, Action<PathPlan> writeBranch)
    {
        for (int i = 0; i < plan.Paths.Length; i++)
        {
            PathPlan path = plan.Paths[i];
            bool last = i == plan.Paths.Length - 1;
            writer.WriteLine(last ? "else" : $"{(i == 0 ? "if" : "else if")} ({path.Width.Condition})");
            using (writer.OpenBlock())
            {
                writeBranch(path);
            }
        }
    }
}
