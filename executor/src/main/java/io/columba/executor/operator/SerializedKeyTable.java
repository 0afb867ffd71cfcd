package io.columba.executor.operator;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Numbers distinct byte strings (serialized GROUP BY keys) in order of first appearance: an open-addressing table
 * of key numbers over one byte arena that holds every key once, with each key's hash kept to skip most byte
 * comparisons. Lookups allocate nothing.
 */
public final class SerializedKeyTable {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int MAX_ARENA = Integer.MAX_VALUE - 16;

    private byte[] arena = new byte[1 << 14];
    private int arenaUsed;
    private int[] starts = new int[256];
    private int[] lengths = new int[256];
    private long[] hashes = new long[256];
    private int size;
    private int[] slots = emptySlots(512);

    /** About the bytes held: the key arena and the per-key and slot arrays. */
    public long memoryBytes() {
        return arena.length + 4L * starts.length + 4L * lengths.length + 8L * hashes.length + 4L * slots.length;
    }

    public int size() {
        return size;
    }

    /** The number of {@code key[0..length)}; a key not seen before gets the next number, {@link #size()} - 1. */
    public int findOrAdd(byte[] key, int length) {
        return findOrAdd(key, 0, length);
    }

    /** As {@link #findOrAdd(byte[], int)} for the key {@code key[from..from + length)}. */
    public int findOrAdd(byte[] key, int from, int length) {
        long hash = hash(key, from, length);
        int mask = slots.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (true) {
            int id = slots[slot];
            if (id < 0) {
                slots[slot] = add(key, from, length, hash);
                if (size * 2 > slots.length) {
                    rehash();
                }
                return size - 1;
            }
            if (hashes[id] == hash
                    && lengths[id] == length
                    && Arrays.equals(arena, starts[id], starts[id] + length, key, from, from + length)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The number of {@code key[0..length)}, or -1 when it was never added. */
    public int find(byte[] key, int length) {
        long hash = hash(key, length);
        int mask = slots.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (true) {
            int id = slots[slot];
            if (id < 0) {
                return -1;
            }
            if (hashes[id] == hash
                    && lengths[id] == length
                    && Arrays.equals(arena, starts[id], starts[id] + length, key, 0, length)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int add(byte[] key, int from, int length, long hash) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        if (arenaUsed + length > arena.length) {
            if ((long) arenaUsed + length > MAX_ARENA) {
                throw new ColumbaException(
                        ErrorCode.MEMORY_LIMIT_EXCEEDED,
                        "GROUP BY keys take more than 2 GiB in one aggregation thread (" + size + " groups)");
            }
            arena = Arrays.copyOf(arena, (int) Math.min(MAX_ARENA, Math.max(arena.length * 2L, arenaUsed + length)));
        }
        System.arraycopy(key, from, arena, arenaUsed, length);
        starts[size] = arenaUsed;
        lengths[size] = length;
        hashes[size] = hash;
        arenaUsed += length;
        return size++;
    }

    private void rehash() {
        slots = emptySlots(slots.length * 2);
        int mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            long hash = hashes[id];
            int slot = (int) (hash ^ (hash >>> 32)) & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id;
        }
    }

    private static int[] emptySlots(int count) {
        int[] slots = new int[count];
        Arrays.fill(slots, -1);
        return slots;
    }

    /** A 64-bit hash of the bytes, eight at a time. */
    static long hash(byte[] bytes, int length) {
        return hash(bytes, 0, length);
    }

    /** The hash of {@code bytes[from..from + length)}. */
    static long hash(byte[] bytes, int from, int length) {
        long h = 0x9E3779B97F4A7C15L ^ length;
        int i = from;
        int end = from + length;
        for (; i + 8 <= end; i += 8) {
            h = (h ^ (long) LONGS.get(bytes, i)) * 0xFF51AFD7ED558CCDL;
            h ^= h >>> 32;
        }
        long tail = 0;
        for (; i < end; i++) {
            tail = (tail << 8) | (bytes[i] & 0xFF);
        }
        h = (h ^ tail) * 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 29);
    }
}
