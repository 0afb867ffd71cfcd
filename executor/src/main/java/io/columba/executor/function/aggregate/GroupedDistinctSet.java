package io.columba.executor.function.aggregate;

import java.util.Arrays;

/**
 * Distinct (group, key) pairs of every group in one open-addressing table, with a count per group: a key is a
 * 64-bit value, or a 128-bit hash as two longs. One table for all groups keeps many small groups cheap (no table
 * per group) and lookups allocation-free.
 */
final class GroupedDistinctSet {
    private static final int EMPTY = -1;

    private int[] groups = emptyGroups(1024);
    private long[] lows = new long[1024];
    private long[] highs = new long[1024];
    private int size;
    private long[] counts = new long[16];
    /** Entries bucketed by group for {@link #keysOf}; null once the table changes. */
    private int[] byGroupStarts;

    private int[] byGroup;

    long count(int group) {
        return group < counts.length ? counts[group] : 0;
    }

    /** Adds the pair; returns whether it was new. */
    boolean add(int group, long low, long high) {
        int mask = groups.length - 1;
        int slot = (int) mix(low, high, group) & mask;
        while (true) {
            int present = groups[slot];
            if (present == EMPTY) {
                groups[slot] = group;
                lows[slot] = low;
                highs[slot] = high;
                if (group >= counts.length) {
                    counts = Arrays.copyOf(counts, Math.max(group + 1, counts.length * 2));
                }
                counts[group]++;
                byGroup = null;
                if (++size * 2 > groups.length) {
                    rehash();
                }
                return true;
            }
            if (present == group && lows[slot] == low && highs[slot] == high) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Adds every pair of {@code other}, its group g becoming {@code mapping[g]}. */
    void addAll(GroupedDistinctSet other, int[] mapping) {
        for (int slot = 0; slot < other.groups.length; slot++) {
            int group = other.groups[slot];
            if (group != EMPTY && group < mapping.length) {
                add(mapping[group], other.lows[slot], other.highs[slot]);
            }
        }
    }

    /** The slots holding keys of {@code group}, for {@link #low} and {@link #high}. */
    int[] keysOf(int group) {
        if (group >= counts.length || counts[group] == 0) {
            return new int[0];
        }
        if (byGroup == null) {
            bucketByGroup();
        }
        return Arrays.copyOfRange(byGroup, byGroupStarts[group], byGroupStarts[group + 1]);
    }

    long low(int slot) {
        return lows[slot];
    }

    long high(int slot) {
        return highs[slot];
    }

    private void bucketByGroup() {
        byGroupStarts = new int[counts.length + 1];
        for (int g = 0; g < counts.length; g++) {
            byGroupStarts[g + 1] = byGroupStarts[g] + (int) counts[g];
        }
        int[] next = Arrays.copyOf(byGroupStarts, counts.length);
        byGroup = new int[size];
        for (int slot = 0; slot < groups.length; slot++) {
            if (groups[slot] != EMPTY) {
                byGroup[next[groups[slot]]++] = slot;
            }
        }
    }

    private void rehash() {
        int[] oldGroups = groups;
        long[] oldLows = lows;
        long[] oldHighs = highs;
        int capacity = oldGroups.length * 2;
        groups = emptyGroups(capacity);
        lows = new long[capacity];
        highs = new long[capacity];
        int mask = capacity - 1;
        for (int old = 0; old < oldGroups.length; old++) {
            if (oldGroups[old] == EMPTY) {
                continue;
            }
            int slot = (int) mix(oldLows[old], oldHighs[old], oldGroups[old]) & mask;
            while (groups[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            groups[slot] = oldGroups[old];
            lows[slot] = oldLows[old];
            highs[slot] = oldHighs[old];
        }
    }

    private static long mix(long low, long high, int group) {
        long h = (low ^ (high * 0x9E3779B97F4A7C15L) ^ ((long) group * 0xC2B2AE3D27D4EB4FL)) * 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 29);
    }

    private static int[] emptyGroups(int capacity) {
        int[] groups = new int[capacity];
        Arrays.fill(groups, EMPTY);
        return groups;
    }
}
