using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>The builder's conversions from text: CSV cells, JSON strings where Graph has another type, JSON held in a string.</summary>
internal sealed partial class SignInRecordBuilder
{
    /// <summary>Any field from text: a CSV cell, or a JSON string where Graph has a number, a boolean or an object.</summary>
    public void SetText(SignInField field, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        switch (SignInFieldRegistry.Of(field).Kind)
        {
            case SignInValueKind.Time:
                // A slash date is read the way this file has shown it writes them (day or month first).
                var swapped = Notes.SlashDates.Normalize(text, _locator?.LineOf(_position));
                var timeText = swapped is null ? text : swapped.AsSpan();
                if (SignInTimestamp.TryParse(timeText, out var parsed) && TextTimeZone.TryApply(parsed, timeText, out var time))
                {
                    SetCreated(field, time);
                }
                else if (field == SignInField.CreatedDateTime || _badCreatedText is null)
                {
                    _badCreatedField = _fieldName(field);
                    _badCreatedText = text.ToString();
                }

                break;

            case SignInValueKind.ErrorCode:
                SetErrorCodeText(field, text);
                break;

            case SignInValueKind.Number:
                if (SignInValueParser.TryParseInt64(text, out var number))
                {
                    SignInFieldRegistry.Of(field).SetNumber?.Invoke(_event, number);
                }
                else
                {
                    InvalidValue(field, text.ToString(), "a whole number");
                }

                break;

            case SignInValueKind.Boolean:
                if (SignInValueParser.TryParseBoolean(text, out var flag))
                {
                    SetBoolean(field, flag);
                }
                else
                {
                    InvalidValue(field, text.ToString(), "true or false");
                }

                break;

            case SignInValueKind.TextList:
                if (text[0] == '[')
                {
                    SetJsonText(field, text);
                }
                else
                {
                    SetStringList(field, SplitList(text));
                }

                break;

            case SignInValueKind.Object:
            case SignInValueKind.ObjectArray:
                SetJsonText(field, text);
                break;

            default:
                if (field != SignInField.None)
                {
                    SetString(field, IsUnique(field) ? text.ToString() : Strings.Get(text));
                }

                break;
        }
    }

    private void SetErrorCodeText(SignInField field, ReadOnlySpan<char> text)
    {
        if (SignInValueParser.TryParseInt32(text, out var code))
        {
            if (field == SignInField.ErrorCode)
            {
                _errorCode = code;
            }
            else
            {
                _resultTypeCode = code;
            }
        }
        else if (SignInValueParser.IsSuccessWord(text))
        {
            _resultTypeCode ??= 0;
        }
        else if (!SignInValueParser.IsFailureWord(text) && (field == SignInField.ErrorCode || _badErrorCodeText is null))
        {
            // A failure word carries no code: the record needs status.errorCode then. Anything else is wrong.
            _badErrorCodeField = _fieldName(field);
            _badErrorCodeText = text.ToString();
        }
    }

    /// <summary>JSON held in text (Log Analytics dynamic columns in CSV, or as a string in JSON rows).</summary>
    private void SetJsonText(SignInField field, ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        if (trimmed.IsEmpty || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            InvalidValue(field, text.ToString(), "JSON (an object or an array)");
            return;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(trimmed.Length));
        try
        {
            var length = Utf8Text.Encode(trimmed, bytes);
            SignInJsonFieldMapper.ReadFieldFromJsonText(field, bytes.AsSpan(0, length), this);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>"City, State, CC" from the admin center: read from the right, as city and state may be empty.</summary>
    private void SetLocationText(string text)
    {
        var parts = text.Split(',');
        var n = parts.Length;
        _event.CountryOrRegion = NullIfEmpty(parts[n - 1]);
        _event.State = n >= 2 ? NullIfEmpty(parts[n - 2]) : null;
        _event.City = n >= 3 ? NullIfEmpty(string.Join(",", parts, 0, n - 2)) : null;
    }

    private string? NullIfEmpty(string part)
    {
        var trimmed = part.Trim();
        return trimmed.Length == 0 ? null : Strings.Get(trimmed.AsSpan());
    }

    private IReadOnlyList<string> SplitList(ReadOnlySpan<char> text)
    {
        var values = new List<string>();
        foreach (var part in text.ToString().Split(','))
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0)
            {
                values.Add(Strings.Get(trimmed.AsSpan()));
            }
        }

        return values.Count == 0 ? EmptyStrings : values;
    }
}
