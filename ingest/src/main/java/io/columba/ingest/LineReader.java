package io.columba.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads a stream line by line as bytes: each line is {@link #bytes()}{@code [start(), end())}, newline excluded. */
final class LineReader {
    private final InputStream in;
    private byte[] buffer = new byte[1 << 20];
    private int filled;
    private int start;
    private int end;
    private int next;
    private boolean eof;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        while (true) {
            for (int i = next; i < filled; i++) {
                if (buffer[i] == '\n') {
                    start = next;
                    end = i;
                    next = i + 1;
                    return true;
                }
            }
            if (eof) {
                if (next < filled) {
                    start = next;
                    end = filled;
                    next = filled;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        if (next > 0) {
            System.arraycopy(buffer, next, buffer, 0, filled - next);
            filled -= next;
            next = 0;
        }
        if (filled == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, filled, buffer.length - filled);
        if (read < 0) {
            eof = true;
        } else {
            filled += read;
        }
    }

    byte[] bytes() {
        return buffer;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    boolean isBlank() {
        for (int i = start; i < end; i++) {
            byte b = buffer[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Whether the line holds an odd number of double quotes (a quoted CSV field goes on past it). */
    boolean hasOddQuotes() {
        int quotes = 0;
        for (int i = start; i < end; i++) {
            if (buffer[i] == '"') {
                quotes++;
            }
        }
        return (quotes & 1) == 1;
    }
}
