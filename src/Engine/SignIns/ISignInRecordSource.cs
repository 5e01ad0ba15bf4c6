using System;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>A reader of one input: yields items one at a time, so the caller can stream them.</summary>
internal interface ISignInRecordSource : IDisposable
{
    bool TryRead(out SignInReadItem item);
}
