package io.columba.cli.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Generates ClickBench-like {@code hits} rows: the 105 columns of ClickBench's table, with the value domains and
 * skew of {@code ../shared/bench/gen_hits.py} (Zipf counters, hosts, paths and search phrases; power-law users; July
 * 2013 with a diurnal pattern; CounterID 62, UserID 435090932899640449 and the magic hashes ClickBench's queries look
 * for), so the benchmark needs no Python. The bytes written depend only on {@code --rows}, {@code --seed} and
 * {@code --format}: rows are made in fixed chunks, each from its own seeded random sequence, written in order
 * whatever the number of threads.
 *
 * <pre>java -cp columba.jar io.columba.cli.bench.HitsGenerator --rows 10000000 --out hits.tsv --threads 2</pre>
 */
@Command(
        name = "hits-generator",
        mixinStandardHelpOptions = true,
        description = "Write ClickBench-like hits rows (105 columns) as TSV or CSV.")
public final class HitsGenerator implements Callable<Integer> {
    /** The output formats: TabSeparated, or CSV with String/Date/DateTime fields quoted. */
    public enum Format {
        tsv,
        csv
    }

    @Option(names = "--rows", required = true, description = "Number of rows.")
    long rows;

    @Option(names = "--out", required = true, description = "Output file, or - for standard output.")
    String out;

    @Option(names = "--format", description = "tsv or csv (default: ${DEFAULT-VALUE}).")
    Format format = Format.tsv;

    @Option(names = "--threads", description = "Threads generating rows (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--seed", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    public static void main(String[] args) {
        System.exit(new CommandLine(new HitsGenerator()).execute(args));
    }

    @Override
    public Integer call() {
        if (rows < 0 || threads < 1) {
            System.err.println("hits-generator: --rows must be >= 0 and --threads positive");
            return 1;
        }
        boolean toStandardOutput = out.equals("-");
        HitsProgress progress = new HitsProgress(System.err, rows, quiet, System.console() != null);
        long bytes;
        try (OutputStream stream =
                toStandardOutput ? new FileOutputStream(FileDescriptor.out) : Files.newOutputStream(Path.of(out))) {
            bytes = write(rows, seed, format, threads, stream, progress);
        } catch (IOException e) {
            System.err.println("hits-generator: cannot write " + out + ": " + e.getMessage());
            return 1;
        }
        progress.finish(bytes, toStandardOutput ? "standard output" : out);
        return 0;
    }

    /** Writes {@code rows} rows to {@code out} (not closed); returns the number of bytes written. */
    public static long write(long rows, long seed, Format format, int threads, OutputStream out) throws IOException {
        return write(rows, seed, format, threads, out, HitsProgress.silent(rows));
    }

    static long write(long rows, long seed, Format format, int threads, OutputStream out, HitsProgress progress)
            throws IOException {
        HitsWorld world = new HitsWorld(seed);
        ThreadLocal<HitsChunkWriter> writers = ThreadLocal.withInitial(() -> new HitsChunkWriter(world, rows));
        long chunks = (rows + HitsChunkWriter.CHUNK_ROWS - 1) / HitsChunkWriter.CHUNK_ROWS;
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "hits-generator");
            thread.setDaemon(true);
            return thread;
        });
        ArrayDeque<Future<RowBuffer>> pending = new ArrayDeque<>();
        long next = 0;
        long written = 0;
        long bytes = 0;
        try {
            while (written < rows) {
                while (next < chunks && pending.size() < 2 * threads) {
                    long chunk = next++;
                    int count = (int) Math.min(HitsChunkWriter.CHUNK_ROWS, rows - chunk * HitsChunkWriter.CHUNK_ROWS);
                    pending.add(pool.submit(() -> chunk(writers.get(), chunk, count, format)));
                }
                RowBuffer chunk = pending.poll().get();
                out.write(chunk.bytes(), 0, chunk.length());
                bytes += chunk.length();
                written = Math.min(rows, written + HitsChunkWriter.CHUNK_ROWS);
                progress.rowsWritten(written);
            }
            out.flush();
            return bytes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating rows", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("generating rows failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static RowBuffer chunk(HitsChunkWriter writer, long chunk, int count, Format format) {
        RowBuffer tsv = new RowBuffer(count * 600);
        writer.write(chunk, count, tsv);
        if (format == Format.tsv) {
            return tsv;
        }
        RowBuffer csv = new RowBuffer(tsv.length() + count * 120);
        HitsColumns.tsvToCsv(tsv, csv);
        return csv;
    }
}
