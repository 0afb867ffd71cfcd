package io.columba.executor.function.scalar;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A case-sensitive LIKE pattern without {@code _}, matched on UTF-8 bytes: its literal pieces between {@code %}
 * must appear in order, the first at the start unless the pattern starts with {@code %}, the last at the end unless
 * it ends with {@code %}. Finding each piece leftmost is then exact. Other patterns go to a regular expression.
 */
final class LikeMatcher {
    private final byte[][] pieces;
    private final boolean anchoredStart;
    private final boolean anchoredEnd;

    private LikeMatcher(List<byte[]> pieces, boolean anchoredStart, boolean anchoredEnd) {
        this.pieces = pieces.toArray(new byte[0][]);
        this.anchoredStart = anchoredStart;
        this.anchoredEnd = anchoredEnd;
    }

    /** The matcher of a LIKE pattern, or null when it has {@code _} (left to a regular expression). */
    static LikeMatcher of(String like) {
        List<byte[]> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean startsWithPercent = like.startsWith("%");
        boolean endsWithPercent = false;
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            endsWithPercent = false;
            if (c == '\\' && i + 1 < like.length()) {
                literal.append(like.charAt(++i));
            } else if (c == '_') {
                return null;
            } else if (c == '%') {
                if (!literal.isEmpty()) {
                    pieces.add(literal.toString().getBytes(StandardCharsets.UTF_8));
                    literal.setLength(0);
                }
                endsWithPercent = true;
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty() || pieces.isEmpty()) {
            pieces.add(literal.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new LikeMatcher(pieces, !startsWithPercent, !endsWithPercent);
    }

    /** 1 (or 0 when negated) in {@code out[i]} for each row of {@code values} that matches. */
    void matchAll(io.columba.storage.column.StringColumn values, long[] out, boolean negated) {
        byte[] data = values.data();
        int[] offsets = values.offsets();
        int rows = values.size();
        if (pieces.length == 1 && !anchoredStart && !anchoredEnd && pieces[0].length > 0) {
            containsAll(data, offsets, rows, pieces[0], out, negated);
            return;
        }
        for (int i = 0; i < rows; i++) {
            out[i] = matches(data, offsets[i], offsets[i + 1]) != negated ? 1 : 0;
        }
    }

    /**
     * {@code %piece%} over the whole column at once, as ClickHouse searches a column: find the piece in all the
     * bytes, then mark the row it lies in (a hit across two rows is no hit) and go on from the next row.
     */
    private static void containsAll(byte[] data, int[] offsets, int rows, byte[] piece, long[] out, boolean negated) {
        long miss = negated ? 1 : 0;
        java.util.Arrays.fill(out, 0, rows, miss);
        int row = 0;
        int position = offsets[0];
        int end = offsets[rows];
        int[] shifts = piece.length > 1 ? null : horspoolShifts(piece);
        while (row < rows) {
            int found = piece.length > 1
                    ? firstAndLastIndexOf(data, position, end, piece)
                    : horspoolIndexOf(data, position, end, piece, shifts);
            if (found < 0) {
                return;
            }
            while (offsets[row + 1] <= found) {
                row++;
            }
            if (found + piece.length <= offsets[row + 1]) {
                out[row] = 1 - miss;
                position = offsets[++row];
            } else {
                position = found + 1;
            }
        }
    }

    boolean matches(byte[] data, int from, int to) {
        int position = from;
        int last = pieces.length - 1;
        for (int p = 0; p <= last; p++) {
            byte[] piece = pieces[p];
            if (p == 0 && anchoredStart) {
                if (!startsWith(data, position, to, piece)) {
                    return false;
                }
                position += piece.length;
                if (p == last && anchoredEnd) {
                    return position == to;
                }
                continue;
            }
            if (p == last && anchoredEnd) {
                return to - position >= piece.length && startsWith(data, to - piece.length, to, piece);
            }
            int found = indexOf(data, position, to, piece);
            if (found < 0) {
                return false;
            }
            position = found + piece.length;
        }
        return !anchoredEnd || position == to;
    }

    private static boolean startsWith(byte[] data, int from, int to, byte[] piece) {
        return to - from >= piece.length
                && java.util.Arrays.equals(data, from, from + piece.length, piece, 0, piece.length);
    }

    /** Boyer-Moore-Horspool: how far a window may move when its last byte is {@code b} (index {@code b & 0xFF}). */
    private static int[] horspoolShifts(byte[] piece) {
        int[] shifts = new int[256];
        java.util.Arrays.fill(shifts, piece.length);
        for (int i = 0; i < piece.length - 1; i++) {
            shifts[piece[i] & 0xFF] = piece.length - 1 - i;
        }
        return shifts;
    }

    /**
     * The first position of {@code piece} in {@code data[from..to)}, or -1; skips ahead by the window's last byte,
     * so a long search looks at a fraction of the bytes.
     */
    private static int horspoolIndexOf(byte[] data, int from, int to, byte[] piece, int[] shifts) {
        int last = piece.length - 1;
        byte lastByte = piece[last];
        int i = from;
        int lastStart = to - piece.length;
        while (i <= lastStart) {
            byte b = data[i + last];
            if (b == lastByte && java.util.Arrays.equals(data, i, i + last, piece, 0, last)) {
                return i;
            }
            i += shifts[b & 0xFF];
        }
        return -1;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The first position of {@code piece} (two bytes or more) in {@code data[from..to)}, or -1: eight candidate
     * positions at a time, those whose first and last bytes both match found with word arithmetic (a zero byte of
     * {@code (window ^ first) | (window shifted ^ last)}), only those compared in full; a common last byte alone,
     * which Horspool stops at, rarely comes with the right first byte.
     */
    static int firstAndLastIndexOf(byte[] data, int from, int to, byte[] piece) {
        int last = piece.length - 1;
        long firstBytes = (piece[0] & 0xFFL) * ONES;
        long lastBytes = (piece[last] & 0xFFL) * ONES;
        int i = from;
        // Both 8-byte loads must stay inside data[from..to): the later one reads data[i + last .. i + last + 8).
        for (int lastWordStart = to - last - 8; i <= lastWordStart; i += 8) {
            long matches = ((long) LONGS.get(data, i) ^ firstBytes) | ((long) LONGS.get(data, i + last) ^ lastBytes);
            // A zero byte marks a candidate; the borrow can also flag bytes above a true zero, which the compare drops.
            long candidates = (matches - ONES) & ~matches & HIGHS;
            while (candidates != 0) {
                int at = i + (Long.numberOfTrailingZeros(candidates) >>> 3);
                if (middleEquals(data, at, piece)) {
                    return at;
                }
                candidates &= candidates - 1;
            }
        }
        for (int lastStart = to - piece.length; i <= lastStart; i++) {
            if (data[i] == piece[0] && data[i + last] == piece[last] && middleEquals(data, i, piece)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean middleEquals(byte[] data, int at, byte[] piece) {
        for (int j = 1; j < piece.length - 1; j++) {
            if (data[at + j] != piece[j]) {
                return false;
            }
        }
        return data[at] == piece[0] && data[at + piece.length - 1] == piece[piece.length - 1];
    }

    /** The first position of {@code piece} in {@code data[from..to)}, or -1. */
    static int indexOf(byte[] data, int from, int to, byte[] piece) {
        if (piece.length == 0) {
            return from;
        }
        byte first = piece[0];
        int lastStart = to - piece.length;
        for (int i = from; i <= lastStart; i++) {
            if (data[i] != first) {
                continue;
            }
            int j = 1;
            while (j < piece.length && data[i + j] == piece[j]) {
                j++;
            }
            if (j == piece.length) {
                return i;
            }
        }
        return -1;
    }
}
