using System;
using System.Collections.Generic;
using System.Globalization;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>The end of a record: its problems, the gaps the format's own values fill, and the record itself when it is usable.</summary>
internal sealed partial class SignInRecordBuilder
{
    /// <summary>Decides what the record yields: problems first, then the record when it is usable.</summary>
    public void Complete(Queue<SignInReadItem> output)
    {
        NoteChanges();
        if (_duplicateRead is not null)
        {
            output.Enqueue(Problem(
                SignInProblems.RecordInvalid,
                _duplicateRead,
                "The record names " + SignInProblems.Show(_duplicateRead) + " twice, and the classification reads it: which value the log meant is unknown. The record is skipped."));
            return;
        }

        var code = _errorCode ?? _resultTypeCode;
        var created = _created ?? _eventTime ?? FirstStepTime(output);
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
        SignInCategory.Apply(e, _category ?? DefaultCategory);
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
    /// A record without createdDateTime (nor an event time) whose authentication steps carry their own times: the
    /// earliest step is the nearest the record comes to its time (steps follow the sign-in within seconds). Said once
    /// per file, as a warning, so the time is never taken silently.
    /// </summary>
    private DateTimeOffset? FirstStepTime(Queue<SignInReadItem> output)
    {
        DateTimeOffset? first = null;
        foreach (var step in _event.AuthenticationDetails)
        {
            if (step.AuthenticationStepDateTime is { } time && (first is null || time < first))
            {
                first = time;
            }
        }

        if (first is not null && !_warnedStepTime && _badCreatedText is null)
        {
            _warnedStepTime = true;
            output.Enqueue(new SignInReadItem(_source + ": record " + _record.ToString(CultureInfo.InvariantCulture)
                + " has no createdDateTime; its time is taken from its earliest authenticationDetails step (authenticationStepDateTime), as is that of any later record of this file without one."));
        }

        return _badCreatedText is null ? first : null;
    }

    /// <summary>Bad UTF-8 decoded while this record was read, and a property it names twice, for the file's warnings.</summary>
    private void NoteChanges()
    {
        var replaced = Utf8Text.Replacements - _replacementsAtBegin;
        if (replaced > 0)
        {
            Notes.InvalidUtf8(replaced, _locator?.LineOf(_position), _record);
        }

        if (_duplicateOther is not null)
        {
            Notes.DuplicateName(_locator?.LineOf(_position), _record, _duplicateOther);
        }
    }

    private SignInReadItem Problem(string errorId, string? field, string message) =>
        SignInProblems.Create(errorId, _source, message, _locator?.LineOf(_position), _record, field);
}
