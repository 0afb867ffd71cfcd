package io.columba.storage.engine;

import io.columba.storage.block.Block;

/**
 * A table's row TTL, evaluated by whoever knows its expressions: when each row expires. Merges drop the rows that
 * have expired, and a part whose rows start expiring is rewritten once {@code merge_with_ttl_timeout} allows.
 */
public interface RowExpiry {
    /** Never: the expiry time of rows no TTL rule applies to. */
    long NEVER = Long.MAX_VALUE;

    /** For each row of {@code rows} (all the table's columns), the epoch second it expires at, or {@link #NEVER}. */
    long[] expiryTimes(Block rows);
}
