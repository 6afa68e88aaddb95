using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace RnnGen.Formats;

/// <summary>
/// A strict RFC 8259 parser for the small headers of weight files: no comments, no trailing commas, no
/// duplicate keys, UTF-8 validated, nesting and value count bounded. It works on the raw bytes, so a large
/// header is never copied into a second, wider string.
/// </summary>
internal sealed class MiniJson
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _text;
    private readonly int _start;
    private readonly int _end;
    private readonly string _part;
    private int _pos;
    private int _valueCount;

    private MiniJson(byte[] text, int start, int end, string part)
    {
        _text = text;
        _start = start;
        _end = end;
        _part = part;
        _pos = start;
    }

    /// <summary>Parses exactly one JSON value, surrounded by optional whitespace.</summary>
    /// <param name="text">The bytes.</param>
    /// <param name="offset">Where the JSON starts.</param>
    /// <param name="length">How many bytes it spans.</param>
    /// <param name="part">What the text is, for messages (<c>safetensors header</c>).</param>
    public static JsonValue Parse(byte[] text, int offset, int length, string part)
    {
        var parser = new MiniJson(text, offset, offset + length, part);
        parser.SkipWhitespace();
        JsonValue root = parser.ParseValue(depth: 0);
        parser.SkipWhitespace();
        if (parser._pos != parser._end)
        {
            throw parser.Error("unexpected " + parser.DescribeCurrent() + " after the top-level value");
        }

        return root;
    }

    private JsonValue ParseValue(int depth)
    {
        if (++_valueCount > FormatLimits.MaxJsonValues)
        {
            throw new InvalidDataException(FormattableString.Invariant(
                $"{_part} holds more than {FormatLimits.MaxJsonValues} JSON values, the limit (reached at byte {_pos - _start}); a weight file's header needs about ten per tensor, so this one is corrupt or describes far more than a layer; save the layer's weights on their own."));
        }

        if (_pos == _end)
        {
            throw Error("the text ends where a value should start");
        }

        byte current = _text[_pos];
        switch (current)
        {
            case (byte)'{':
                return ParseObject(depth + 1);
            case (byte)'[':
                return ParseArray(depth + 1);
            case (byte)'"':
                int position = _pos - _start;
                return JsonValue.Scalar(JsonKind.String, position, ParseString());
            case (byte)'t':
                return ParseLiteral("true", JsonKind.Boolean);
            case (byte)'f':
                return ParseLiteral("false", JsonKind.Boolean);
            case (byte)'n':
                return ParseLiteral("null", JsonKind.Null);
            default:
                if (current == (byte)'-' || IsDigit(current))
                {
                    return ParseNumber();
                }

                throw Error("unexpected " + DescribeCurrent() + " where a value should start");
        }
    }

    private JsonValue ParseObject(int depth)
    {
        CheckDepth(depth);
        int position = _pos - _start;
        _pos++;
        var members = new List<KeyValuePair<string, JsonValue>>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        SkipWhitespace();
        if (TryConsume((byte)'}'))
        {
            return JsonValue.Object(position, members);
        }

        while (true)
        {
            if (_pos == _end || _text[_pos] != (byte)'"')
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
            Expect((byte)':', "':' after the key '" + key + "'");
            SkipWhitespace();
            members.Add(new KeyValuePair<string, JsonValue>(key, ParseValue(depth)));
            SkipWhitespace();
            if (TryConsume((byte)'}'))
            {
                return JsonValue.Object(position, members);
            }

            Expect((byte)',', "',' or '}' after a member");
            SkipWhitespace();
        }
    }

    private JsonValue ParseArray(int depth)
    {
        CheckDepth(depth);
        int position = _pos - _start;
        _pos++;
        var items = new List<JsonValue>();
        SkipWhitespace();
        if (TryConsume((byte)']'))
        {
            return JsonValue.Array(position, items);
        }

        while (true)
        {
            items.Add(ParseValue(depth));
            SkipWhitespace();
            if (TryConsume((byte)']'))
            {
                return JsonValue.Array(position, items);
            }

            Expect((byte)',', "',' or ']' after an array element");
            SkipWhitespace();
        }
    }

    /// <summary>Parses a string starting at the opening quote; raw runs are UTF-8 validated, escapes decoded.</summary>
    private string ParseString()
    {
        _pos++;
        StringBuilder? built = null;
        int runStart = _pos;
        while (true)
        {
            if (_pos == _end)
            {
                throw Error("the text ends inside a string");
            }

            byte current = _text[_pos];
            if (current == (byte)'"')
            {
                string run = DecodeRun(runStart, _pos);
                _pos++;
                return built is null ? run : built.Append(run).ToString();
            }

            if (current == (byte)'\\')
            {
                built ??= new StringBuilder();
                built.Append(DecodeRun(runStart, _pos));
                built.Append(ParseEscape());
                runStart = _pos;
                continue;
            }

            if (current < 0x20)
            {
                throw Error("unescaped control character " + DescribeCurrent() + " in a string");
            }

            _pos++;
        }
    }

    private char ParseEscape()
    {
        _pos++;
        if (_pos == _end)
        {
            throw Error("the text ends inside an escape sequence");
        }

        byte code = _text[_pos++];
        switch (code)
        {
            case (byte)'"': return '"';
            case (byte)'\\': return '\\';
            case (byte)'/': return '/';
            case (byte)'b': return '\b';
            case (byte)'f': return '\f';
            case (byte)'n': return '\n';
            case (byte)'r': return '\r';
            case (byte)'t': return '\t';
            case (byte)'u':
                int value = 0;
                for (int i = 0; i < 4; i++)
                {
                    int digit = _pos < _end ? HexValue(_text[_pos]) : -1;
                    if (digit < 0)
                    {
                        throw Error("expected four hex digits after \\u but found " + DescribeCurrent());
                    }

                    value = (value << 4) | digit;
                    _pos++;
                }

                return (char)value;
            default:
                _pos--;
                throw Error("invalid escape sequence: a backslash followed by " + DescribeCurrent());
        }
    }

    private string DecodeRun(int from, int to)
    {
        try
        {
            return StrictUtf8.GetString(_text, from, to - from);
        }
        catch (DecoderFallbackException)
        {
            _pos = from;
            throw Error("a string holds invalid UTF-8");
        }
    }

    private JsonValue ParseNumber()
    {
        int begin = _pos;
        TryConsume((byte)'-');
        if (TryConsume((byte)'0'))
        {
            if (_pos < _end && IsDigit(_text[_pos]))
            {
                throw Error("a number has a leading zero");
            }
        }
        else
        {
            ConsumeDigits("a digit in a number");
        }

        if (TryConsume((byte)'.'))
        {
            ConsumeDigits("a digit after the decimal point");
        }

        if (TryConsume((byte)'e') || TryConsume((byte)'E'))
        {
            if (!TryConsume((byte)'+'))
            {
                TryConsume((byte)'-');
            }

            ConsumeDigits("a digit in the exponent");
        }

        // The lexeme is ASCII by construction.
        return JsonValue.Scalar(JsonKind.Number, begin - _start, Encoding.ASCII.GetString(_text, begin, _pos - begin));
    }

    private void ConsumeDigits(string expected)
    {
        if (_pos == _end || !IsDigit(_text[_pos]))
        {
            throw Error("expected " + expected + " but found " + DescribeCurrent());
        }

        while (_pos < _end && IsDigit(_text[_pos]))
        {
            _pos++;
        }
    }

    private JsonValue ParseLiteral(string literal, JsonKind kind)
    {
        int begin = _pos;
        for (int i = 0; i < literal.Length; i++)
        {
            if (_pos == _end || _text[_pos] != literal[i])
            {
                _pos = begin;
                throw Error("unexpected " + DescribeCurrent() + " where a value should start");
            }

            _pos++;
        }

        return JsonValue.Scalar(kind, begin - _start, literal);
    }

    private void CheckDepth(int depth)
    {
        if (depth > FormatLimits.MaxNestingDepth)
        {
            throw Error(FormattableString.Invariant($"nesting deeper than {FormatLimits.MaxNestingDepth} levels"));
        }
    }

    private void SkipWhitespace()
    {
        while (_pos < _end && _text[_pos] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            _pos++;
        }
    }

    private bool TryConsume(byte expected)
    {
        if (_pos < _end && _text[_pos] == expected)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void Expect(byte expected, string what)
    {
        if (!TryConsume(expected))
        {
            throw Error("expected " + what + " but found " + DescribeCurrent());
        }
    }

    private string DescribeCurrent()
    {
        if (_pos >= _end)
        {
            return "the end of the text";
        }

        byte current = _text[_pos];
        return current is >= 0x21 and < 0x7F
            ? "'" + (char)current + "'"
            : FormattableString.Invariant($"byte 0x{current:X2}");
    }

    private InvalidDataException Error(string message)
        => new(FormattableString.Invariant($"{_part} is not valid JSON at byte {_pos - _start}: {message}."));

    private static bool IsDigit(byte value) => value is >= (byte)'0' and <= (byte)'9';

    private static int HexValue(byte value) => value switch
    {
        >= (byte)'0' and <= (byte)'9' => value - '0',
        >= (byte)'a' and <= (byte)'f' => value - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => value - 'A' + 10,
        _ => -1,
    };
}
