using Microsoft.EntityFrameworkCore;

namespace Planner.Model.Planning;

/// <summary>
/// Runs a write in the host's transaction when one is open (the host commits it), and otherwise in one
/// of its own, committed when the write returns and rolled back when it throws. Internal.
/// </summary>
internal static class HostTransaction
{
    public static async Task<T> RunAsync<T>(DbContext context, Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        if (context.Database.CurrentTransaction is not null)
        {
            return await write(cancellationToken).ConfigureAwait(false);
        }

        var own = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (own.ConfigureAwait(false))
        {
            var result = await write(cancellationToken).ConfigureAwait(false);
            await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
    }
}
