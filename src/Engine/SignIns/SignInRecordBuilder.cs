using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>Tells the builder where a record starts, only when a problem needs the line (counting is not free).</summary>
internal interface IRecordLocator
{
    long? LineOf(int recordPosition);
}

/// <summary>
/// Fills one <see cref="SignInEvent"/> field by field, from any format, and decides at the end what the record
/// yields. Conversions from text live here once (CSV cells, JSON strings where a number or a boolean belongs, and
/// JSON held in a string: Log Analytics dynamic columns). Values that only fill a gap (TimeGenerated, ResultType,
/// the diagnostic envelope) are kept aside and applied in <see cref="Complete"/>, because JSON property order is free.
/// A wrong createdDateTime or error code makes the record unusable (every classification needs both): the record
/// yields only its problem. Any other wrong field yields a problem and the record with that field left empty.
/// </summary>
internal sealed class SignInRecordBuilder
{
    private static readonly string[] EmptyStrings = [];

    private readonly string _source;
    private readonly Func<SignInField, string> _fieldName;
    private readonly List<KeyValuePair<string, string>> _fieldProblems = [];
    private SignInEvent _event = new();
    private bool _lean;
    private long _record;
    private int _position;
    private IRecordLocator? _locator;

    private int? _errorCode;
    private int? _resultTypeCode;
    private string? _badErrorCodeField;
    private string? _badErrorCodeText;
    private DateTimeOffset? _created;
    private DateTimeOffset? _eventTime;
    private string? _badCreatedField;
    private string? _badCreatedText;
    private string? _resultDescription;
    private string? _category;
    private string? _countryCode;
    private string? _callerIpAddress;
    private string? _envelopeCorrelationId;
    private string? _mfaResult;
    private bool _hasRiskEventTypesV2;

    public SignInRecordBuilder(string source, StringCache strings, Func<SignInField, string> fieldName)
    {
        _source = source;
        Strings = strings;
        _fieldName = fieldName;
    }

    public StringCache Strings { get; }

    public SignInEvent Event => _event;

    /// <summary>The category to assume when a record has none (the admin center's file name tells interactive from not).</summary>
    public string? DefaultCategory { get; set; }

    public string Source => _source;

    /// <summary>
    /// The format writes the MFA step as columns (the admin center's result, auth method and auth detail): a record
    /// without authenticationDetails gets them as one step. Graph's and SigninLogs' mfaDetail stay what they are.
    /// </summary>
    public bool MfaColumnsAreAStep { get; set; }

    /// <summary>
    /// Starts a record. <paramref name="lean"/>: only <see cref="RecordScope.IsLinkField"/> fields are taken (the
    /// readers skip the others, see <see cref="Skips"/>); check <see cref="NeedsWhole"/> before <see cref="Complete"/>.
    /// </summary>
    public void Begin(long record, int position, IRecordLocator? locator, bool lean = false)
    {
        _event = new SignInEvent();
        _lean = lean;
        _record = record;
        _position = position;
        _locator = locator;
        _fieldProblems.Clear();
        _errorCode = _resultTypeCode = null;
        _badErrorCodeField = _badErrorCodeText = _badCreatedField = _badCreatedText = null;
        _created = _eventTime = null;
        _resultDescription = _category = _countryCode = _callerIpAddress = _envelopeCorrelationId = null;
        _mfaResult = null;
        _hasRiskEventTypesV2 = false;
    }

    public string NameOf(SignInField field) => _fieldName(field);

    /// <summary>A lean record leaves this field out: the reader should skip its value.</summary>
    public bool Skips(SignInField field) => _lean && !RecordScope.IsLinkField(field);

    /// <summary>After a lean read: the record's error code is one <paramref name="scope"/> wants whole, so read it again whole.</summary>
    public bool NeedsWhole(RecordScope scope) => _lean && (_errorCode ?? _resultTypeCode) is { } code && scope.NeedsWhole(code);

    /// <summary>A wrong value in a field that is not essential: reported, and the field stays empty.</summary>
    public void InvalidValue(string field, string? shown, string expected)
    {
        _fieldProblems.Add(new KeyValuePair<string, string>(
            field,
            field + " is " + SignInProblems.Show(shown) + "; expected " + expected + ". The field is left empty."));
    }

    public void InvalidValue(SignInField field, string? shown, string expected) => InvalidValue(_fieldName(field), shown, expected);

    public void SetErrorCode(int code) => _errorCode = code;

    public void SetCreated(SignInField field, DateTimeOffset value)
    {
        if (field == SignInField.EventTime)
        {
            _eventTime = value;
        }
        else
        {
            _created = value;
        }
    }

    public void SetBoolean(SignInField field, bool value)
    {
        if (SignInFieldRegistry.Of(field).SetBoolean is { } set)
        {
            set(_event, value);
        }
        else
        {
            SetString(field, value ? "true" : "false");
        }
    }

    /// <summary>
    /// A string field (or a gap-filler kept for <see cref="Complete"/>). Empty text is no value. A field the
    /// registry gives a setter lands in the record; the others are one format's values, kept aside here.
    /// </summary>
    public void SetString(SignInField field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        switch (field)
        {
            case SignInField.ResultDescription: _resultDescription = value; break;
            case SignInField.Category: _category ??= value; break;
            case SignInField.CountryCode: _countryCode = value; break;
            case SignInField.CallerIpAddress: _callerIpAddress = value; break;
            case SignInField.EnvelopeCorrelationId: _envelopeCorrelationId = value; break;
            case SignInField.MfaResult: _mfaResult = value; break;
            case SignInField.LocationText: SetLocationText(value!); break;
            default:
                if (SignInFieldRegistry.Of(field).SetText is { } set)
                {
                    set(_event, value);
                }
                else
                {
                    SetText(field, value.AsSpan());
                }

                break;
        }
    }

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
                if (SignInTimestamp.TryParse(text, out var time))
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

    public void SetStringList(SignInField field, IReadOnlyList<string> values)
    {
        if (field == SignInField.RiskEventTypesV2)
        {
            _hasRiskEventTypesV2 = true;
        }
        else if (field == SignInField.RiskEventTypes && _hasRiskEventTypesV2)
        {
            // Deprecated: riskEventTypes_v2 is the one kept current, whichever comes first in the record.
            return;
        }

        SignInFieldRegistry.Of(field).SetTextList?.Invoke(_event, values);
    }

    /// <summary>Decides what the record yields: problems first, then the record when it is usable.</summary>
    public void Complete(Queue<SignInReadItem> output)
    {
        var code = _errorCode ?? _resultTypeCode;
        var created = _created ?? _eventTime;
        if (code is null || created is null)
        {
            if (created is null)
            {
                output.Enqueue(_badCreatedText is null
                    ? Problem(SignInProblems.RecordInvalid, _fieldName(SignInField.CreatedDateTime), "The record has no createdDateTime (nor an event time); every classification needs it. The record is skipped.")
                    : Problem(SignInProblems.FieldInvalid, _badCreatedField, _badCreatedField + " is " + SignInProblems.Show(_badCreatedText) + "; expected " + SignInTimestamp.Expected + ". The record is skipped: every classification needs the time."));
            }

            if (code is null)
            {
                output.Enqueue(_badErrorCodeText is null
                    ? Problem(SignInProblems.RecordInvalid, _fieldName(SignInField.ErrorCode), "The record has no error code (status.errorCode, ResultType or Sign-in error code); its outcome is unknown. The record is skipped.")
                    : Problem(SignInProblems.FieldInvalid, _badErrorCodeField, _badErrorCodeField + " is " + SignInProblems.Show(_badErrorCodeText) + "; expected an integer error code such as 50076 (0 for success). The record is skipped: its outcome is unknown."));
            }

            return;
        }

        // A wrong time or code that another column made up for (TimeGenerated, ResultType) is still reported.
        if (_badCreatedText is not null)
        {
            InvalidValue(_badCreatedField!, _badCreatedText, SignInTimestamp.Expected + "; the record's other time is used");
        }

        if (_badErrorCodeText is not null)
        {
            InvalidValue(_badErrorCodeField!, _badErrorCodeText, "an integer error code; the record's other error code is used");
        }

        foreach (var problem in _fieldProblems)
        {
            output.Enqueue(Problem(SignInProblems.FieldInvalid, problem.Key, problem.Value));
        }

        var e = _event;
        e.ErrorCode = code.Value;
        e.CreatedDateTime = created.Value;
        e.FailureReason ??= _resultDescription;
        e.IpAddress ??= _callerIpAddress;
        e.CountryOrRegion ??= _countryCode;
        e.CorrelationId ??= _envelopeCorrelationId;
        ApplyCategory(e, _category ?? DefaultCategory);
        if (MfaColumnsAreAStep && e.AuthenticationDetails.Count == 0 && (_mfaResult ?? e.MfaAuthMethod ?? e.MfaAuthDetail) is not null)
        {
            // The admin center CSV flattens the MFA step into three columns: kept as one step so the
            // denial / satisfaction text reaches the classifiers like Graph's authenticationDetails.
            e.AuthenticationDetails =
            [
                new AuthenticationDetail { AuthenticationMethod = e.MfaAuthMethod, AuthenticationMethodDetail = e.MfaAuthDetail, AuthenticationStepResultDetail = _mfaResult },
            ];
        }

        e.Source = _source + "#" + _record.ToString(CultureInfo.InvariantCulture);
        output.Enqueue(new SignInReadItem(e));
    }

    /// <summary>
    /// Log Analytics Category/Type and the diagnostic category say which log an event came from. They fill
    /// isInteractive and signInEventTypes only where the record itself is silent; a record's own isInteractive wins
    /// (SigninLogs held non-interactive events too before they got a table of their own).
    /// </summary>
    private static void ApplyCategory(SignInEvent e, string? category)
    {
        if (category is null)
        {
            return;
        }

        string? eventType = null;
        bool? interactive = null;
        if (category.IndexOf("NonInteractive", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            eventType = "nonInteractiveUser";
            interactive = false;
        }
        else if (category.IndexOf("ServicePrincipal", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            eventType = "servicePrincipal";
            interactive = false;
        }
        else if (category.IndexOf("ManagedIdentity", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            eventType = "managedIdentity";
            interactive = false;
        }
        else if (category.IndexOf("SignIn", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            eventType = "interactiveUser";
            interactive = true;
        }

        if (eventType is null)
        {
            return;
        }

        e.IsInteractive ??= interactive;
        if (e.SignInEventTypes.Count == 0)
        {
            var userEvent = eventType is "interactiveUser" or "nonInteractiveUser";
            e.SignInEventTypes = [userEvent ? (e.IsInteractive == true ? "interactiveUser" : "nonInteractiveUser") : eventType];
        }
    }

    private SignInReadItem Problem(string errorId, string? field, string message) =>
        SignInProblems.Create(errorId, _source, message, _locator?.LineOf(_position), _record, field);

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

    /// <summary>Values unique to each record: not worth a cache slot.</summary>
    public static bool IsUnique(SignInField field) => SignInFieldRegistry.Of(field).Kind == SignInValueKind.UniqueText;
}
