using System.Text;

namespace RnnGen.Generator.Tests.Infrastructure;

/// <summary>A line diff for failure messages: the changed lines with a little context, numbered as in each file.</summary>
internal static class TextDiff
{
    private const int Context = 2;
    private const int MaxLines = 80;

    public static string Describe(string expected, string actual)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');
        var ops = Diff(a, b);
        var output = new StringBuilder();
        int written = 0;
        for (int k = 0; k < ops.Count && written < MaxLines; k++)
        {
            if (ops[k].Kind == ' ')
            {
                bool nearChange = Enumerable.Range(Math.Max(0, k - Context), Math.Min(ops.Count, k + Context + 1) - Math.Max(0, k - Context)).Any(n => ops[n].Kind != ' ');
                if (!nearChange)
                {
                    continue;
                }
            }

            Op op = ops[k];
            string number = op.Kind == '+' ? $"    {op.NewLine,5}" : $"{op.OldLine,5}    ";
            output.Append(op.Kind).Append(' ').Append(number).Append(" | ").Append(op.Text).Append('\n');
            written++;
        }

        if (written >= MaxLines)
        {
            output.Append("... (diff truncated)\n");
        }

        return output.ToString();
    }

    private readonly record struct Op(char Kind, int OldLine, int NewLine, string Text);

    /// <summary>Longest-common-subsequence diff; fine for files of a few thousand lines.</summary>
    private static List<Op> Diff(string[] a, string[] b)
    {
        int n = a.Length, m = b.Length;
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var ops = new List<Op>();
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[x] == b[y])
            {
                ops.Add(new Op(' ', x + 1, y + 1, a[x]));
                x++;
                y++;
            }
            else if (y < m && (x == n || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                ops.Add(new Op('+', x + 1, y + 1, b[y]));
                y++;
            }
            else
            {
                ops.Add(new Op('-', x + 1, y + 1, a[x]));
                x++;
            }
        }

        return ops;
    }
}
