using System;
using System.Text.Json;

namespace EntraStrongAuth.Engine.Enrollment;

/// <summary>The final answer to one inner request of a JSON batch: its status and its body (a detached copy).</summary>
internal sealed class BatchAnswer
{
    public BatchAnswer(int status, JsonElement body)
    {
        Status = status;
        Body = body;
    }

    public int Status { get; }

    public JsonElement Body { get; }

    public bool IsSuccess => Status >= 200 && Status < 300;

    /// <summary>Whether Graph asks for the request again later (throttled or briefly unavailable).</summary>
    public static bool IsRetryable(int status) => status is 429 or 503 or 504;

    public override string ToString() => Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
