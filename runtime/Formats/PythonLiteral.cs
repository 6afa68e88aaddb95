using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace RnnGen.Formats;

/// <summary>The kinds of Python literal an .npy header can contain.</summary>
internal enum PythonKind
{
    String,
    Integer,
    Boolean,
    None,
    Tuple,
    List,
    Dict,
}

/// <summary>One parsed Python literal.</summary>
internal sealed class PythonValue
{
    public PythonValue(PythonKind kind, string text = "", long integer = 0, IReadOnlyList<PythonValue>? items = null, IReadOnlyList<KeyValuePair<string, PythonValue>>? members = null)
    {
        Kind = kind;
        Text = text;
        Integer = integer;
        Items = items ?? [];
        Members = members ?? [];
    }

    public PythonKind Kind { get; }

    /// <summary>A string's content, or <c>True</c>/<c>False</c>/<c>None</c>.</summary>
    public string Text { get; }

    public long Integer { get; }

    /// <summary>Elements of a tuple or list.</summary>
    public IReadOnlyList<PythonValue> Items { get; }

    /// <summary>Entries of a dict, keys unique.</summary>
    public IReadOnlyList<KeyValuePair<string, PythonValue>> Members { get; }

    /// <summary>The value written back roughly as Python would print it, for messages.</summary>
    public override string ToString()
    {
        switch (Kind)
        {
            case PythonKind.String:
                return "'" + Text + "'";
            case PythonKind.Integer:
                return Integer.ToString(CultureInfo.InvariantCulture);
            case PythonKind.Tuple:
            case PythonKind.List:
                var text = new StringBuilder(Kind == PythonKind.Tuple ? "(" : "[");
                for (int i = 0; i < Items.Count; i++)
                {
                    text.Append(i > 0 ? ", " : string.Empty).Append(Items[i]);
                }

                return text.Append(Kind == PythonKind.Tuple ? (Items.Count == 1 ? ",)" : ")") : "]").ToString();
            case PythonKind.Dict:
                return "{...}";
            default:
                return Text;
        }
    }
}

/// <summary>
/// Parses the Python literal subset NumPy writes into .npy headers (what <c>ast.literal_eval</c> would accept
/// for them): dicts with string keys, strings, integers (with Python 2's <c>L</c> suffix), booleans, None,
/// tuples and lists. Duplicate dict keys are rejected rather than silently overwritten.
/// </summary>
internal sealed class PythonLiteral
{
    private readonly string _text;
    private readonly string _part;
    private int _pos;

    private PythonLiteral(string text, string part)
    {
        _text = text;
        _part = part;
    }

    /// <summary>Parses one literal surrounded by optional whitespace.</summary>
    public static PythonValue Parse(string text, string part)
    {
        var parser = new PythonLiteral(text, part);
        parser.SkipWhitespace();
        PythonValue value = parser.ParseValue(depth: 0);
        parser.SkipWhitespace();
        if (parser._pos != text.Length)
        {
            throw parser.Error("unexpected " + parser.DescribeCurrent() + " after the literal");
        }

        return value;
    }

    private PythonValue ParseValue(int depth)
    {
        if (depth > FormatLimits.MaxNestingDepth)
        {
            throw Error(FormattableString.Invariant($"nesting deeper than {FormatLimits.MaxNestingDepth} levels"));
        }

        if (_pos == _text.Length)
        {
            throw Error("the text ends where a value should start");
        }

        char current = _text[_pos];
        switch (current)
        {
            case '{':
                return ParseDict(depth + 1);
            case '(':
                return ParseSequence(depth + 1, ')', PythonKind.Tuple);
            case '[':
                return ParseSequence(depth + 1, ']', PythonKind.List);
            case '\'':
            case '"':
                return new PythonValue(PythonKind.String, ParseString());
            default:
                if (current is '-' or '+' || IsDigit(current))
                {
                    return ParseInteger();
                }

                if (TryConsumeWord("True") || TryConsumeWord("False"))
                {
                    return new PythonValue(PythonKind.Boolean, current == 'T' ? "True" : "False");
                }

                if (TryConsumeWord("None"))
                {
                    return new PythonValue(PythonKind.None, "None");
                }

                throw Error("unexpected " + DescribeCurrent() + " where a value should start");
        }
    }

    private PythonValue ParseDict(int depth)
    {
        _pos++;
        var members = new List<KeyValuePair<string, PythonValue>>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            SkipWhitespace();
            if (TryConsume('}'))
            {
                return new PythonValue(PythonKind.Dict, members: members);
            }

            if (_pos == _text.Length || _text[_pos] is not ('\'' or '"'))
            {
                throw Error("expected a string key but found " + DescribeCurrent());
            }

            int keyPosition = _pos;
            string key = ParseString();
            if (!keys.Add(key))
            {
                _pos = keyPosition;
                throw Error("duplicate key '" + key + "'");
            }

            SkipWhitespace();
            Expect(':', "':' after the key '" + key + "'");
            SkipWhitespace();
            members.Add(new KeyValuePair<string, PythonValue>(key, ParseValue(depth)));
            SkipWhitespace();
            if (TryConsume('}'))
            {
                return new PythonValue(PythonKind.Dict, members: members);
            }

            Expect(',', "',' or '}' after a dict entry");
        }
    }

    /// <summary>A tuple or list. As in Python, <c>(x)</c> without a comma is just <c>x</c>, not a tuple.</summary>
    private PythonValue ParseSequence(int depth, char close, PythonKind kind)
    {
        _pos++;
        var items = new List<PythonValue>();
        bool sawComma = false;
        while (true)
        {
            SkipWhitespace();
            if (TryConsume(close))
            {
                break;
            }

            items.Add(ParseValue(depth));
            SkipWhitespace();
            if (TryConsume(close))
            {
                break;
            }

            Expect(',', FormattableString.Invariant($"',' or '{close}'"));
            sawComma = true;
        }

        return kind == PythonKind.Tuple && items.Count == 1 && !sawComma
            ? items[0]
            : new PythonValue(kind, items: items);
    }

    private string ParseString()
    {
        char quote = _text[_pos++];
        var text = new StringBuilder();
        while (true)
        {
            if (_pos == _text.Length || _text[_pos] == '\n')
            {
                throw Error("a string is not closed");
            }

            char current = _text[_pos++];
            if (current == quote)
            {
                return text.ToString();
            }

            if (current != '\\')
            {
                text.Append(current);
                continue;
            }

            char escaped = _pos < _text.Length ? _text[_pos] : '\0';
            char? decoded = escaped switch
            {
                '\\' or '\'' or '"' => escaped,
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => null,
            };
            if (decoded is null)
            {
                throw Error("unsupported escape sequence in a string");
            }

            text.Append(decoded.Value);
            _pos++;
        }
    }

    private PythonValue ParseInteger()
    {
        int begin = _pos;
        if (_text[_pos] is '-' or '+')
        {
            _pos++;
        }

        int digitsStart = _pos;
        while (_pos < _text.Length && IsDigit(_text[_pos]))
        {
            _pos++;
        }

        if (_pos == digitsStart)
        {
            throw Error("expected a digit but found " + DescribeCurrent());
        }

        string literal = _text.Substring(begin, _pos - begin);
        if (_pos < _text.Length && _text[_pos] is 'L' or 'l')
        {
            // Python 2 wrote long integers with a suffix; old .npy files carry it in their shapes.
            _pos++;
        }

        if (!long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            _pos = begin;
            throw Error("the integer " + literal + " is too large");
        }

        return new PythonValue(PythonKind.Integer, integer: value);
    }

    private bool TryConsumeWord(string word)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
        {
            return false;
        }

        int after = _pos + word.Length;
        if (after < _text.Length && (char.IsLetterOrDigit(_text[after]) || _text[after] == '_'))
        {
            return false;
        }

        _pos = after;
        return true;
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r')
        {
            _pos++;
        }
    }

    private bool TryConsume(char expected)
    {
        if (_pos < _text.Length && _text[_pos] == expected)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void Expect(char expected, string what)
    {
        if (!TryConsume(expected))
        {
            throw Error("expected " + what + " but found " + DescribeCurrent());
        }
    }

    private string DescribeCurrent()
    {
        if (_pos >= _text.Length)
        {
            return "the end of the header";
        }

        char current = _text[_pos];
        return current is >= '!' and <= '~'
            ? "'" + current + "'"
            : FormattableString.Invariant($"character U+{(int)current:X4}");
    }

    private InvalidDataException Error(string message)
        => new(FormattableString.Invariant($"{_part} is not a valid Python literal at character {_pos}: {message}."));

    private static bool IsDigit(char value) => value is >= '0' and <= '9';
}
