package io.columba.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The progress line of one file being loaded: rows committed, share of the file read, rows/s and MB/s. On a
 * terminal it is redrawn in place twice a second; otherwise (a log, a pipe) one line is written every 10 s.
 */
final class LoadProgress implements AutoCloseable {
    private final PrintWriter err;
    private final String name;
    private final long size;
    private final boolean interactive;
    private final long started = System.nanoTime();
    private final AtomicLong bytesRead = new AtomicLong();
    private final ScheduledExecutorService timer;
    private volatile long rows;
    private volatile boolean rowsKnown = true;
    private int lastWidth;

    LoadProgress(PrintWriter err, String name, long size, boolean quiet, boolean interactive) {
        this.err = err;
        this.name = name;
        this.size = size;
        this.interactive = interactive;
        if (quiet) {
            this.timer = null;
            return;
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "columba-load-progress");
            thread.setDaemon(true);
            return thread;
        });
        long period = interactive ? 500 : 10_000;
        timer.scheduleAtFixedRate(this::draw, period, period, TimeUnit.MILLISECONDS);
    }

    /** A progress line for an upload, whose rows are known only when the server answers. */
    static LoadProgress upload(PrintWriter err, String name, long size, boolean quiet, boolean interactive) {
        LoadProgress progress = new LoadProgress(err, name, size, quiet, interactive);
        progress.rowsKnown = false;
        return progress;
    }

    /** {@code in}, counting the bytes read from it for the share of the file. */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int value = super.read();
                if (value >= 0) {
                    bytesRead.incrementAndGet();
                }
                return value;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int count = super.read(buffer, offset, length);
                if (count > 0) {
                    bytesRead.addAndGet(count);
                }
                return count;
            }
        };
    }

    void batchCommitted(long rowsSoFar) {
        rows = rowsSoFar;
    }

    /** Stops the redraws and prints the last line ({@code rows < 0}: the load failed, the line is just ended). */
    void finish(long totalRows) {
        close();
        if (timer == null) {
            return;
        }
        if (totalRows >= 0) {
            rows = totalRows;
            rowsKnown = true;
            draw();
        }
        synchronized (this) {
            if (interactive && lastWidth > 0) {
                err.println();
                err.flush();
                lastWidth = 0;
            }
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized void draw() {
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        long bytes = bytesRead.get();
        double share = size == 0 ? 100.0 : 100.0 * bytes / size;
        String line = rowsKnown
                ? String.format(
                        Locale.ROOT,
                        "%s: %,d rows, %.1f%% read, %s rows/s, %.1f MB/s, %.0f s",
                        name,
                        rows,
                        share,
                        rate(rows, seconds),
                        bytes / seconds / 1e6,
                        seconds)
                : String.format(
                        Locale.ROOT,
                        "%s: %.1f%% sent, %.1f MB/s, %.0f s%s",
                        name,
                        share,
                        bytes / seconds / 1e6,
                        seconds,
                        bytes >= size ? ", waiting for the server to commit" : "");
        if (interactive) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Rows per second with a thousands separator, e.g. {@code 123,456}. */
    static String rate(long rows, double seconds) {
        return String.format(Locale.ROOT, "%,d", Math.round(rows / Math.max(seconds, 1e-9)));
    }
}
