namespace Rectification.Infrastructure.Email;

/// <summary>What one dispatch run did.</summary>
/// <param name="Sent">Delivered and marked Sent.</param>
/// <param name="Retrying">Failed an attempt and wait for their back-off.</param>
/// <param name="Failed">Failed their last allowed attempt: now Failed, waiting for an administrator.</param>
/// <param name="Skipped">Taken by another dispatcher first.</param>
/// <param name="Deferred">Left pending, unattempted, because the SMTP circuit is open.</param>
/// <param name="CircuitOpen">The run stopped early because the SMTP circuit is open.</param>
public sealed record DispatchReport(int Sent, int Retrying, int Failed, int Skipped, int Deferred, bool CircuitOpen)
{
    public int Attempted => Sent + Retrying + Failed;

    public override string ToString() =>
        $"{Sent} sent, {Retrying} to retry, {Failed} failed, {Skipped} taken by another dispatcher, {Deferred} deferred{(CircuitOpen ? " (SMTP circuit open)" : "")}";
}
