package io.columba.workspace.local;

import io.columba.ingest.buffer.BufferSettings;
import io.columba.storage.engine.MergeTreeTable;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.workspace.Workspace;
import io.columba.workspace.token.Token;
import io.columba.workspace.token.TokenStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The workspaces of one data folder, as Tinybird Local keeps them: the main workspace in the folder itself (its
 * {@code user_token} and {@code admin_token} manage the others) and the workspaces created through
 * {@code POST /v1/workspaces}, each in {@code <data-dir>/workspaces/<id>} with tokens of its own. A token opens the
 * workspace it belongs to.
 */
public final class LocalWorkspaces implements AutoCloseable {
    static final String WORKSPACES = "workspaces";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_\\-.]{0,127}");

    private final LocalWorkspace main;
    /** The main workspace when its caller owns it, else null. */
    private final Workspace borrowed;

    private final Path root;
    private final BufferSettings buffering;
    private final Map<String, LocalWorkspace> others = new ConcurrentHashMap<>();

    /** A workspace with the token that opened it. */
    public record Authenticated(LocalWorkspace workspace, Token token) {
        public boolean isMain(LocalWorkspaces workspaces) {
            return workspace == workspaces.main;
        }
    }

    private LocalWorkspaces(LocalWorkspace main, Workspace borrowed, BufferSettings buffering) {
        this.main = main;
        this.borrowed = borrowed;
        this.root = main.home();
        this.buffering = buffering;
    }

    /**
     * Opens the workspaces of {@code dataDirectory}: the main one with {@code project} loaded (null: its last build,
     * if any), and every workspace created earlier with its last build.
     */
    public static LocalWorkspaces open(Path dataDirectory, Path project, BufferSettings buffering) {
        LocalWorkspaces workspaces =
                new LocalWorkspaces(LocalWorkspace.open(dataDirectory, project, buffering), null, buffering);
        try {
            workspaces.openOthers();
        } catch (RuntimeException e) {
            workspaces.close();
            throw e;
        }
        return workspaces;
    }

    /**
     * The workspaces around {@code main}, an open workspace its caller keeps owning (a build of it closes it,
     * though, and closing a workspace twice is harmless). Those created later live under its data folder.
     */
    public static LocalWorkspaces around(Workspace main) {
        LocalWorkspaces workspaces = new LocalWorkspaces(
                new LocalWorkspace(main.dataDirectory(), main, Map.of(), BufferSettings.DEFAULTS),
                main,
                BufferSettings.DEFAULTS);
        workspaces.openOthers();
        return workspaces;
    }

    private void openOthers() {
        Path folder = root.resolve(WORKSPACES);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> homes = Files.list(folder)) {
            for (Path home : homes.sorted().toList()) {
                if (Files.isRegularFile(home.resolve(TokenStore.FILE_NAME))) {
                    LocalWorkspace workspace = LocalWorkspace.open(home, null, buffering);
                    others.put(workspace.id(), workspace);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the workspaces in " + folder, e);
        }
    }

    public LocalWorkspace main() {
        return main;
    }

    /** The main workspace, then the others by name. */
    public List<LocalWorkspace> all() {
        List<LocalWorkspace> all = new ArrayList<>();
        all.add(main);
        others.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(all::add);
        return all;
    }

    /** The workspace {@code tokenText} belongs to, with the token. */
    public Optional<Authenticated> authenticate(String tokenText) {
        for (LocalWorkspace workspace : all()) {
            Optional<Token> token = workspace.read(live -> live.tokens().authenticate(tokenText));
            if (token.isPresent()) {
                return Optional.of(new Authenticated(workspace, token.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Creates an empty workspace called {@code name}.
     *
     * @throws ColumbaException when the name is not valid or already taken
     */
    public synchronized LocalWorkspace create(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    "expected a workspace name of letters, digits, '_', '-' and '.', found '" + name + "'");
        }
        if (all().stream().anyMatch(workspace -> workspace.name().equals(name))) {
            throw new ColumbaException(ErrorCode.BAD_ARGUMENTS, "a workspace called '" + name + "' already exists");
        }
        Path home = root.resolve(WORKSPACES).resolve(name + "-" + Long.toHexString(System.nanoTime()));
        try {
            TokenStore.create(home, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the workspace folder " + home, e);
        }
        LocalWorkspace workspace = LocalWorkspace.open(home, null, buffering);
        others.put(workspace.id(), workspace);
        return workspace;
    }

    /** Deletes workspace {@code id} and its data; false when there is none (the main one cannot be deleted). */
    public synchronized boolean delete(String id) {
        LocalWorkspace workspace = others.remove(id);
        if (workspace == null) {
            return false;
        }
        workspace.close();
        try {
            MergeTreeTable.deleteFolder(workspace.home());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the workspace folder " + workspace.home(), e);
        }
        return true;
    }

    /** Closes every workspace but a main one its caller owns (unless a build replaced it). */
    @Override
    public void close() {
        others.values().forEach(LocalWorkspace::close);
        others.clear();
        if (main.live() != borrowed) {
            main.close();
        }
    }
}
