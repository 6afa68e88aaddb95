using System;
using System.Text;

namespace RnnGen.Generator.Helpers;

/// <summary>
/// Writes C# with four-space indentation and LF newlines, whatever the host's <see cref="Environment.NewLine"/>,
/// so generated files are byte-identical on every machine.
/// </summary>
internal sealed class IndentedTextWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();
    private int _depth;
    private bool _atLineStart = true;

    /// <summary>Writes one line at the current indentation (an empty line stays empty).</summary>
    public IndentedTextWriter WriteLine(string text = "")
    {
        if (text.Length > 0)
        {
            WriteIndent();
            _builder.Append(text);
        }

        _builder.Append('\n');
        _atLineStart = true;
        return this;
    }

    /// <summary>Writes every line of a block, re-indented to the current depth.</summary>
    public IndentedTextWriter WriteLines(string block)
    {
        foreach (string line in block.Replace("\r\n", "\n").Split('\n'))
        {
            WriteLine(line);
        }

        return this;
    }

    /// <summary>Writes <c>{</c>, indents, and returns a scope that closes the block when disposed.</summary>
    public Block OpenBlock(string? header = null, string closing = "}")
    {
        if (header is not null)
        {
            WriteLine(header);
        }

        WriteLine("{");
        _depth++;
        return new Block(this, closing);
    }

    /// <summary>Indents the lines written until the returned scope is disposed.</summary>
    public Block Indent()
    {
        _depth++;
        return new Block(this, null);
    }

    public override string ToString() => _builder.ToString();

    private void WriteIndent()
    {
        if (_atLineStart)
        {
            for (int i = 0; i < _depth; i++)
            {
                _builder.Append(IndentUnit);
            }

            _atLineStart = false;
        }
    }

    private void Close(string? closing)
    {
        _depth--;
        if (closing is not null)
        {
            WriteLine(closing);
        }
    }

    /// <summary>Closes an indented region.</summary>
    internal readonly struct Block : IDisposable
    {
        private readonly IndentedTextWriter _writer;
        private readonly string? _closing;

        public Block(IndentedTextWriter writer, string? closing)
        {
            _writer = writer;
            _closing = closing;
        }

        public void Dispose() => _writer.Close(_closing);
    }
}
