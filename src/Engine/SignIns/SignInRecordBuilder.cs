using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// Fills one <see cref="SignInEvent"/> field by field, from any format, and decides at the end what the record
/// yields. Conversions from text live once, in SignInRecordBuilder.Text.cs (CSV cells, JSON strings where a number or
/// a boolean belongs, and JSON held in a string: Log Analytics dynamic columns); the end of a record in
/// SignInRecordBuilder.Complete.cs. Values that only fill a gap (TimeGenerated, ResultType,
/// the diagnostic envelope) are kept aside and applied in <see cref="Complete"/>, because JSON property order is free.
/// A wrong createdDateTime or error code makes the record unusable (every classification needs both): the record
/// yields only its problem. Any other wrong field yields a problem and the record with that field left empty.
/// </summary>
internal sealed partial class SignInRecordBuilder
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
    private bool _warnedStepTime;
    private long _replacementsAtBegin;
    private string? _duplicateRead;
    private string? _duplicateOther;

    /// <summary>A builder for one file; <paramref name="notes"/> is shared when a file has several builders (a query result's tables).</summary>
    public SignInRecordBuilder(string source, StringCache strings, Func<SignInField, string> fieldName, InputNotes? notes = null)
    {
        _source = source;
        Strings = strings;
        _fieldName = fieldName;
        Notes = notes ?? new InputNotes();
    }

    public StringCache Strings { get; }

    /// <summary>The file's columns or properties no reader understands, for its one warning.</summary>
    public UnknownNames UnknownNames { get; } = new();

    /// <summary>What reading changed in the file (NUL bytes, bad UTF-8, a property named twice), for its warnings.</summary>
    public InputNotes Notes { get; }

    public SignInEvent Event => _event;

    /// <summary>The category to assume when a record has none (the admin center's file name tells interactive from not).</summary>
    public string? DefaultCategory { get; set; }

    public string Source => _source;

    /// <summary>
    /// The format writes the MFA step as columns (the admin center's result, auth method and auth detail): a record
    /// without authenticationDetails gets them as one step. Graph's and SigninLogs' mfaDetail stay what they are.
    /// </summary>
    public bool MfaColumnsAreAStep { get; set; }

    /// <summary>The zone a CSV's time header states ("Date (UTC+01:00)"): zone-less cells are that zone's wall clock.</summary>
    public CsvTimeZone TextTimeZone { get; set; }

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
        _duplicateRead = _duplicateOther = null;
        _replacementsAtBegin = Utf8Text.Replacements;
    }

    /// <summary>
    /// The record names a property twice (the reader keeps the last value): a field the classification reads makes
    /// the record invalid, any other is counted for the file's warning.
    /// </summary>
    public void DuplicateName(SignInField field, string name)
    {
        if (ClassifierFields.Contains(field))
        {
            _duplicateRead ??= name;
        }
        else
        {
            _duplicateOther ??= name;
        }
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

    /// <summary>Values unique to each record: not worth a cache slot.</summary>
    public static bool IsUnique(SignInField field) => SignInFieldRegistry.Of(field).Kind == SignInValueKind.UniqueText;
}
