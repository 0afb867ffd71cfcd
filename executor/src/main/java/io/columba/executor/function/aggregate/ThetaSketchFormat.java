package io.columba.executor.function.aggregate;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.HashIterator;
import org.apache.datasketches.theta.Sketch;

/**
 * The serialization of a compact Theta sketch that ClickHouse's uniqTheta states hold (DataSketches serial version
 * 3, little-endian), written and read here because the library's own path goes through datasketches-memory 3.0.2,
 * which refuses to load on a JDK newer than 21.
 *
 * <pre>
 * sketch   --&gt; PreLongs, SerVer(3), Family(3), Unused(2 bytes), Flags, SeedHash(UInt16), [Count(UInt32), Unused(UInt32)],
 *              [Theta(UInt64)], Hash^Count
 * PreLongs --&gt; 1 (empty, or one hash), 2 (exact), 3 (estimating: Theta follows)
 * Flags    --&gt; bits: 1 read-only, 2 empty, 3 compact, 4 ordered (hashes ascending)
 * </pre>
 */
final class ThetaSketchFormat {
    private static final int SERIAL_VERSION = 3;
    private static final int COMPACT_FAMILY = 3;
    private static final int FLAG_READ_ONLY = 1 << 1;
    private static final int FLAG_EMPTY = 1 << 2;
    private static final int FLAG_COMPACT = 1 << 3;
    private static final int FLAG_ORDERED = 1 << 4;
    /** The seed hash of the default update seed 9001, which every uniqTheta sketch uses. */
    private static final short SEED_HASH = (short) 0x93cc;

    private static final Constructor<?> HEAP_COMPACT_SKETCH = heapCompactSketch();

    private ThetaSketchFormat() {}

    /**
     * The library's on-heap compact sketch (cache, empty, seed hash, count, theta, ordered): its public factories all
     * take a datasketches-memory Memory, which cannot load on this JDK.
     */
    private static Constructor<?> heapCompactSketch() {
        try {
            Constructor<?> constructor = Class.forName("org.apache.datasketches.theta.HeapCompactSketch")
                    .getDeclaredConstructor(
                            long[].class, boolean.class, short.class, int.class, long.class, boolean.class);
            constructor.setAccessible(true);
            return constructor;
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static byte[] write(Sketch sketch) {
        boolean empty = sketch.isEmpty();
        int count = sketch.getRetainedEntries(true);
        long theta = sketch.getThetaLong();
        boolean estimating = theta < Long.MAX_VALUE && !empty;
        int preLongs = estimating ? 3 : empty || count == 1 ? 1 : 2;
        ByteBuffer out = ByteBuffer.allocate(8 * (preLongs + count)).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) preLongs)
                .put((byte) SERIAL_VERSION)
                .put((byte) COMPACT_FAMILY)
                .put((byte) 0)
                .put((byte) 0);
        out.put((byte) (FLAG_READ_ONLY | FLAG_COMPACT | FLAG_ORDERED | (empty ? FLAG_EMPTY : 0)));
        out.putShort(SEED_HASH);
        if (preLongs > 1) {
            out.putInt(count).putInt(0);
        }
        if (estimating) {
            out.putLong(theta);
        }
        for (long hash : orderedHashes(sketch, count)) {
            out.putLong(hash);
        }
        return out.array();
    }

    private static long[] orderedHashes(Sketch sketch, int count) {
        long[] hashes = new long[count];
        int at = 0;
        for (HashIterator iterator = sketch.iterator(); iterator.next(); ) {
            hashes[at++] = iterator.get();
        }
        java.util.Arrays.sort(hashes, 0, at);
        return hashes;
    }

    static CompactSketch read(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 8 || bytes[1] != SERIAL_VERSION || bytes[2] != COMPACT_FAMILY) {
            throw corrupt("not a compact Theta sketch of serial version 3");
        }
        int preLongs = bytes[0] & 0x3F;
        int flags = bytes[5];
        boolean empty = (flags & FLAG_EMPTY) != 0;
        if (in.getShort(6) != SEED_HASH) {
            throw corrupt("its seed hash is not that of seed 9001");
        }
        if (preLongs < 1 || preLongs > 3 || bytes.length < 8 * preLongs) {
            throw corrupt("bad preamble");
        }
        int count = preLongs == 1 ? (empty || bytes.length < 16 ? 0 : 1) : in.getInt(8);
        long theta = preLongs == 3 ? in.getLong(16) : Long.MAX_VALUE;
        if (count < 0 || bytes.length != 8 * ((long) preLongs + count)) {
            throw corrupt("its size does not match its count of " + count);
        }
        long[] hashes = new long[count];
        for (int i = 0; i < count; i++) {
            hashes[i] = in.getLong(8 * (preLongs + i));
        }
        java.util.Arrays.sort(hashes);
        try {
            return (CompactSketch) HEAP_COMPACT_SKETCH.newInstance(hashes, empty, SEED_HASH, count, theta, true);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot make a compact Theta sketch", e);
        }
    }

    private static ColumbaException corrupt(String why) {
        return new ColumbaException(ErrorCode.CANNOT_READ_ALL_DATA, "Corrupted uniqTheta state: " + why);
    }
}
