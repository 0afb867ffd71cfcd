package io.columba.executor.function.aggregate;

import io.columba.storage.part.GrowableByteArray;

/**
 * One group's approximate distinct count over 32-bit hashes. As a set it is ClickHouse's UniquesHashSet: every
 * distinct hash while there are at most {@code limit}, then only hashes whose low {@code skipDegree} bits are zero
 * (thinning doubles whenever the set outgrows the limit). As a HyperLogLog it keeps {@code 2^precision} registers
 * of the rank of each hash's bits above the bucket bits.
 */
final class HashSketch {
    private int[] table = new int[16];
    private int size;
    private boolean hasZero;
    private int skipDegree;
    private byte[] registers;
    /** Hashes of merged states not yet in the table, and the largest skip degree among those states. */
    private int[] pending;

    private int pendingCount;
    private int pendingSkip;

    int size() {
        return size;
    }

    boolean isHyperLogLog() {
        return registers != null;
    }

    private boolean good(int hash) {
        return (hash & ((1 << skipDegree) - 1)) == 0;
    }

    /** Adds a hash to the set, thinning it while it holds more than {@code limit} hashes (limit 0: never). */
    void insert(int hash, int limit) {
        if (!good(hash)) {
            return;
        }
        if (hash == 0) {
            size += hasZero ? 0 : 1;
            hasZero = true;
        } else if (insertIntoTable(hash)) {
            size++;
            if (size * 2 > table.length) {
                rehash(table.length * 2);
            }
        }
        while (limit > 0 && size > limit) {
            skipDegree++;
            rehash(table.length);
        }
    }

    private boolean insertIntoTable(int hash) {
        int mask = table.length - 1;
        int at = mix(hash) & mask;
        while (table[at] != 0) {
            if (table[at] == hash) {
                return false;
            }
            at = (at + 1) & mask;
        }
        table[at] = hash;
        return true;
    }

    private static int mix(int hash) {
        return (hash * 0x9E3779B9) >>> 7 ^ hash;
    }

    private void rehash(int capacity) {
        int[] old = table;
        table = new int[capacity];
        size = hasZero ? 1 : 0;
        for (int hash : old) {
            if (hash != 0 && good(hash)) {
                insertIntoTable(hash);
                size++;
            }
        }
    }

    /** Moves every hash of the set into {@code 2^precision} HyperLogLog registers. */
    void toHyperLogLog(int precision) {
        registers = new byte[1 << precision];
        if (hasZero) {
            addToRegisters(0, precision);
        }
        for (int hash : table) {
            if (hash != 0) {
                addToRegisters(hash, precision);
            }
        }
        table = null;
    }

    void addToRegisters(int hash, int precision) {
        int bucket = hash & ((1 << precision) - 1);
        int rest = hash >>> precision;
        int maxRank = 32 - precision + 1;
        int rank = rest == 0 ? maxRank : Math.min(Integer.numberOfTrailingZeros(rest) + 1, maxRank);
        if (rank > registers[bucket]) {
            registers[bucket] = (byte) rank;
        }
    }

    /** Every hash of {@code other} (a set) into this set or these registers. */
    void mergeFrom(HashSketch other, int limit, int precision) {
        if (other.registers != null) {
            for (int b = 0; b < registers.length; b++) {
                registers[b] = (byte) Math.max(registers[b], other.registers[b]);
            }
            return;
        }
        if (other.skipDegree > skipDegree && registers == null) {
            skipDegree = other.skipDegree;
            rehash(table.length);
        }
        if (registers == null) {
            reserve(size + other.size, limit);
        }
        if (other.hasZero) {
            add(0, limit, precision);
        }
        for (int hash : other.table) {
            if (hash != 0) {
                add(hash, limit, precision);
            }
        }
    }

    private void add(int hash, int limit, int precision) {
        if (registers != null) {
            addToRegisters(hash, precision);
        } else {
            insert(hash, limit);
        }
    }

    /**
     * UniquesHashSet's estimate: exact without thinning, else scaled up plus a pseudo-random remainder and corrected
     * for 32-bit collisions. The remainder is intHashCRC32 of the size, which ClickHouse builds without SSE 4.2 (the
     * Debian 18.16 packages) compute as intHash64.
     */
    long thinnedEstimate() {
        if (skipDegree == 0) {
            return size;
        }
        long estimate = ((long) size << skipDegree) + (UniqFunction.intHash64(size) & ((1L << skipDegree) - 1));
        double p32 = 4294967296.0;
        return Math.round(p32 * (Math.log(p32) - Math.log(p32 - estimate)));
    }

    /** HyperLogLog's estimate with linear counting for small counts and the 32-bit large range correction. */
    long hyperLogLogEstimate() {
        return hyperLogLogEstimate(registers, true);
    }

    /** The estimate of HyperLogLog registers; the large range correction is only for 32-bit hashes. */
    static long hyperLogLogEstimate(byte[] registers, boolean largeRangeCorrection) {
        int m = registers.length;
        double denominator = 0;
        int zeros = 0;
        for (byte rank : registers) {
            denominator += Math.scalb(1.0, -rank);
            zeros += rank == 0 ? 1 : 0;
        }
        double alpha = 0.7213 / (1 + 1.079 / m);
        double raw = alpha * m * m / denominator;
        double p32 = 4294967296.0;
        double estimate;
        if (largeRangeCorrection && raw > p32 / 30) {
            estimate = -p32 * Math.log(1 - raw / p32);
        } else if (raw <= 2.5 * m && zeros != 0) {
            estimate = m * Math.log((double) m / zeros);
        } else {
            estimate = raw;
        }
        return Math.round(estimate);
    }

    /** Layout: a flag (1: registers follow, one byte each), else skip degree, VarUInt count and UInt32 hashes. */
    void serialize(GrowableByteArray out) {
        if (registers != null) {
            out.writeByte(1);
            out.writeVarUInt(registers.length);
            out.write(registers, 0, registers.length);
            return;
        }
        out.writeByte(0);
        out.writeByte(skipDegree);
        out.writeVarUInt(size);
        if (hasZero) {
            out.writeInt(0);
        }
        for (int hash : table) {
            if (hash != 0) {
                out.writeInt(hash);
            }
        }
    }

    /**
     * Takes a set state written by {@link #serialize} straight from its bytes (ClickHouse's readAndMerge), but only
     * appends its hashes to a pending list: a query merging many small states into a few hundred groups would
     * otherwise touch a different large table (up to 512 KiB) for every state, a cache miss per hash. The pending
     * hashes go into the table in one pass, group by group, at {@link #flushPending}. The set is the same either
     * way: which hashes a thinned set keeps depends only on the union of hashes and the largest skip degree seen.
     * Returns the number of hashes deferred (the caller bounds their total).
     */
    int deferSerialized(StateReader in, int limit) {
        if (in.readByte() == 1) {
            HashSketch other = new HashSketch();
            other.registers = in.readBytes((int) in.readVarUInt());
            other.table = null;
            flushPending(limit);
            mergeFrom(other, limit, 0);
            return 0;
        }
        int otherSkip = in.readByte();
        long count = in.readVarUInt();
        if (count > Integer.MAX_VALUE / 4) {
            throw new io.columba.storage.error.ColumbaException(
                    io.columba.storage.error.ErrorCode.CANNOT_READ_ALL_DATA,
                    "A uniq state of " + count + " hashes is too large");
        }
        pendingSkip = Math.max(pendingSkip, otherSkip);
        growPending((int) count);
        in.readInts(pending, pendingCount, (int) count);
        pendingCount += (int) count;
        return (int) count;
    }

    /** Moves the pending hashes of {@code other} to this set's pending list. */
    void takePending(HashSketch other) {
        if (other.pendingCount == 0 && other.pendingSkip == 0) {
            return;
        }
        pendingSkip = Math.max(pendingSkip, other.pendingSkip);
        if (pendingCount == 0) {
            pending = other.pending;
            pendingCount = other.pendingCount;
            other.pending = null;
            other.pendingCount = 0;
            other.pendingSkip = 0;
            return;
        }
        growPending(other.pendingCount);
        System.arraycopy(other.pending, 0, pending, pendingCount, other.pendingCount);
        pendingCount += other.pendingCount;
        other.pending = null;
        other.pendingCount = 0;
        other.pendingSkip = 0;
    }

    private void growPending(int more) {
        int needed = pendingCount + more;
        if (pending == null || pending.length < needed) {
            int capacity = pending == null ? Math.max(16, Integer.highestOneBit(Math.max(1, needed))) : pending.length;
            while (capacity < needed) {
                capacity *= 2;
            }
            pending = pending == null ? new int[capacity] : java.util.Arrays.copyOf(pending, capacity);
        }
    }

    boolean hasPending() {
        return pendingCount > 0 || pendingSkip > skipDegree;
    }

    /** Inserts the pending hashes (see {@link #deferSerialized}). */
    void flushPending(int limit) {
        if (pendingSkip > skipDegree && registers == null) {
            skipDegree = pendingSkip;
            rehash(table.length);
        }
        if (registers == null) {
            // Sized once for the hashes to come, assuming each repeats a few times across the merged states.
            reserve(size + pendingCount / 4, limit);
        }
        for (int i = 0; i < pendingCount; i++) {
            add(pending[i], limit, 0);
        }
        pendingCount = 0;
        pendingSkip = 0;
        pending = null;
    }

    /** Grows the table once to hold {@code expected} hashes (no more than a thinned set can hold). */
    private void reserve(int expected, int limit) {
        int bounded = limit > 0 ? Math.min(expected, limit) : expected;
        int capacity = table.length;
        while (bounded * 2 > capacity) {
            capacity *= 2;
        }
        if (capacity > table.length) {
            rehash(capacity);
        }
    }

    static HashSketch deserialize(StateReader in) {
        HashSketch sketch = new HashSketch();
        if (in.readByte() == 1) {
            sketch.registers = in.readBytes((int) in.readVarUInt());
            sketch.table = null;
            return sketch;
        }
        sketch.skipDegree = in.readByte();
        long count = in.readVarUInt();
        for (long i = 0; i < count; i++) {
            int hash = (int) in.readLong32();
            if (hash == 0) {
                sketch.hasZero = true;
                sketch.size++;
            } else if (sketch.insertIntoTable(hash)) {
                sketch.size++;
                if (sketch.size * 2 > sketch.table.length) {
                    sketch.rehash(sketch.table.length * 2);
                }
            }
        }
        return sketch;
    }
}
