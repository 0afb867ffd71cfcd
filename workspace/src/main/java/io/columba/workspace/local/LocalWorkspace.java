package io.columba.workspace.local;

import io.columba.ingest.buffer.BufferSettings;
import io.columba.storage.engine.MergeTreeTable;
import io.columba.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * One workspace of a Tinybird Local: a home folder holding its tokens, and the {@link Workspace} live in it. A build
 * ({@link #build}) opens the new project in a fresh folder, {@code <home>/builds/<id>}, with the same tokens; only
 * when it loaded without error does it replace the live workspace (under the write lock, so no request sees half of
 * it) and the previous data is deleted. {@code <home>/current-build} names the live build, reopened on restart.
 * Requests run under the read lock ({@link #read}).
 */
public final class LocalWorkspace implements AutoCloseable {
    static final String CURRENT_BUILD = "current-build";
    static final String BUILDS = "builds";
    static final String PROJECT = "project";

    private final Path home;
    private final BufferSettings buffering;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object buildLock = new Object();
    private volatile Workspace live;
    private volatile Map<String, byte[]> liveFiles;

    LocalWorkspace(Path home, Workspace live, Map<String, byte[]> liveFiles, BufferSettings buffering) {
        this.home = home;
        this.live = live;
        this.liveFiles = Map.copyOf(liveFiles);
        this.buffering = buffering;
    }

    /**
     * Opens the workspace of {@code home}: with {@code project} (then earlier builds are forgotten), else its last
     * build, else empty.
     */
    static LocalWorkspace open(Path home, Path project, BufferSettings buffering) {
        try {
            if (project != null) {
                Files.deleteIfExists(home.resolve(CURRENT_BUILD));
                MergeTreeTable.deleteFolder(home.resolve(BUILDS));
                return new LocalWorkspace(
                        home, Workspace.open(home, project, buffering), ProjectFiles.read(project), buffering);
            }
            Path current = home.resolve(CURRENT_BUILD);
            if (Files.isRegularFile(current)) {
                Path folder =
                        home.resolve(BUILDS).resolve(Files.readString(current).strip());
                Path built = folder.resolve(PROJECT);
                return new LocalWorkspace(
                        home, Workspace.open(folder, built, buffering), ProjectFiles.read(built), buffering);
            }
            return new LocalWorkspace(home, Workspace.open(home, null, buffering), Map.of(), buffering);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the workspace in " + home, e);
        }
    }

    /** Runs {@code action} on the live workspace, which no build replaces meanwhile. */
    public <T> T read(Function<Workspace, T> action) {
        lock.readLock().lock();
        try {
            return action.apply(live);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The live workspace; it may be replaced and closed by a build at any time: prefer {@link #read}. */
    public Workspace live() {
        return live;
    }

    public String id() {
        return live.tokens().workspaceId();
    }

    public String name() {
        return live.tokens().workspaceName();
    }

    Path home() {
        return home;
    }

    /** Builds {@code files} as the workspace's whole project, replacing the previous one; see the class comment. */
    public BuildResult build(List<ProjectFile> files) {
        synchronized (buildLock) {
            ProjectBuild build = new ProjectBuild(files, liveFiles);
            if (!build.errors().isEmpty()) {
                return BuildResult.failed(build.errors());
            }
            if (build.unchanged()) {
                return build.result(BuildResult.Status.NO_CHANGES, null);
            }
            ProjectBuild.Opened opened = build.open(home.resolve(BUILDS), live.tokens(), buffering);
            if (opened.workspace() == null) {
                return BuildResult.failed(opened.errors());
            }
            swap(opened);
            return build.result(BuildResult.Status.SUCCESS, opened.id());
        }
    }

    private void swap(ProjectBuild.Opened opened) {
        Workspace previous;
        Path previousFolder;
        lock.writeLock().lock();
        try {
            previous = live;
            previousFolder = previous.dataDirectory();
            live = opened.workspace();
            liveFiles = opened.files();
            writeCurrentBuild(opened.id());
        } finally {
            lock.writeLock().unlock();
        }
        previous.close();
        try {
            if (previousFolder.equals(home)) {
                MergeTreeTable.deleteFolder(home.resolve("database"));
                MergeTreeTable.deleteFolder(home.resolve("ingest-log"));
            } else {
                MergeTreeTable.deleteFolder(previousFolder);
            }
        } catch (IOException e) {
            System.err.println("warning: cannot delete the previous build in " + previousFolder + ": " + e);
        }
    }

    private void writeCurrentBuild(String id) {
        Path current = home.resolve(CURRENT_BUILD);
        Path temporary = home.resolve(CURRENT_BUILD + ".tmp");
        try {
            Files.writeString(temporary, id + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, current, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the live build in " + current, e);
        }
    }

    /** Closes the live workspace (inserting the rows still buffered). */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            live.close();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
