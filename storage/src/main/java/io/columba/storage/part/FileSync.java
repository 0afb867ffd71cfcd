package io.columba.storage.part;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Fsyncs the files (and folder) of a part all at once: one fsync per file, issued concurrently, so the file system commits
 * them together instead of a dozen of journal commits one after another. Returns once every file is on disk.
 */
final class FileSync {
    /** Threads that wait in fsync; they use no CPU meanwhile. */
    private static final int THREADS = 16;

    private static final ExecutorService SYNCS = Executors.newFixedThreadPool(THREADS, task -> {
        Thread thread = new Thread(task, "columba-fsync");
        thread.setDaemon(true);
        return thread;
    });

    private FileSync() {}

    /** Fsyncs every regular file directly in {@code folder}, and the folder itself (its entries). */
    static void syncFolderAndFiles(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            children.filter(Files::isRegularFile).forEach(files::add);
        }
        files.add(folder);
        sync(files);
    }

    /** Fsyncs {@code files}, the last on the calling thread and the others on the fsync threads. */
    static void sync(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        List<Future<?>> pending = new ArrayList<>(files.size() - 1);
        for (Path file : files.subList(0, files.size() - 1)) {
            pending.add(SYNCS.submit(() -> {
                try {
                    force(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        IOException failure = null;
        try {
            force(files.get(files.size() - 1));
        } catch (IOException e) {
            failure = e;
        }
        for (Future<?> sync : pending) {
            try {
                sync.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
                if (failure == null) {
                    failure = cause instanceof IOException io ? io : new IOException(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while syncing the files of a part", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
