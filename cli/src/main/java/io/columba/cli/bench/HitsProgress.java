package io.columba.cli.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The generator's progress on stderr: rows written, share done, rows/s and the time left. On a terminal the line is
 * redrawn in place every half second; otherwise (a log, a pipe) one line is written every 10 s.
 */
final class HitsProgress {
    private final PrintStream err;
    private final long totalRows;
    private final boolean quiet;
    private final boolean interactive;
    private final long started = System.nanoTime();
    private long lastDrawn = started;
    private long rows;

    HitsProgress(PrintStream err, long totalRows, boolean quiet, boolean interactive) {
        this.err = err;
        this.totalRows = totalRows;
        this.quiet = quiet;
        this.interactive = interactive;
    }

    /** No output at all. */
    static HitsProgress silent(long totalRows) {
        return new HitsProgress(new PrintStream(OutputStream.nullOutputStream()), totalRows, true, false);
    }

    void rowsWritten(long rowsSoFar) {
        rows = rowsSoFar;
        long now = System.nanoTime();
        if (quiet || now - lastDrawn < (interactive ? 500_000_000L : 10_000_000_000L)) {
            return;
        }
        lastDrawn = now;
        double seconds = (now - started) / 1e9;
        double rate = rows / Math.max(seconds, 1e-9);
        String line = String.format(
                Locale.ROOT,
                "hits: %,d of %,d rows (%.1f%%), %,d rows/s, ETA %.0f s",
                rows,
                totalRows,
                100.0 * rows / Math.max(1, totalRows),
                Math.round(rate),
                (totalRows - rows) / Math.max(rate, 1e-9));
        err.print(interactive ? "\r" + line + "   " : line + "\n");
        err.flush();
    }

    void finish(long bytes, String destination) {
        if (quiet) {
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf(
                Locale.ROOT,
                "%shits: %,d rows, %,d MB in %.1f s (%,d rows/s) to %s%n",
                interactive ? "\r" : "",
                rows,
                bytes / 1_000_000,
                seconds,
                Math.round(rows / Math.max(seconds, 1e-9)),
                destination);
        err.flush();
    }
}
