using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>
/// Sees each page after its new records were delivered: the raw body, which ids in it were new, and a checkpoint
/// that is valid once this page is stored. Used by -OutFile to write raw records and make the run resumable.
/// </summary>
internal interface IRetrievalPageSink
{
    Task PageDeliveredAsync(ReadOnlyMemory<byte> page, IReadOnlyCollection<string> newIds, RetrievalCheckpoint checkpoint, CancellationToken cancellationToken);
}
