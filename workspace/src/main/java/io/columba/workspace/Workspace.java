package io.columba.workspace;

import io.columba.executor.Database;
import io.columba.workspace.pipe.PipeCatalog;
import io.columba.workspace.project.DataProject;
import io.columba.workspace.project.LoadedDatasource;
import io.columba.workspace.project.ProjectLoader;
import io.columba.workspace.token.TokenStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One workspace kept in a data folder: its database ({@code <data-dir>/database}), its tokens
 * ({@code <data-dir>/tokens.json}, with the tokens the project's {@code TOKEN} lines declare), and the data sources
 * and pipes of the project loaded into it.
 */
public final class Workspace implements AutoCloseable {
    private final Path dataDirectory;
    private final Database database;
    private final TokenStore tokens;
    private final List<LoadedDatasource> datasources;
    private final PipeCatalog pipes;

    private Workspace(
            Path dataDirectory,
            Database database,
            TokenStore tokens,
            List<LoadedDatasource> datasources,
            PipeCatalog pipes) {
        this.dataDirectory = dataDirectory;
        this.database = database;
        this.tokens = tokens;
        this.datasources = List.copyOf(datasources);
        this.pipes = pipes;
    }

    /** Opens (or creates) the workspace in {@code dataDirectory} with no project. */
    public static Workspace open(Path dataDirectory) {
        return open(dataDirectory, null);
    }

    /**
     * Opens (or creates) the workspace and loads {@code project} (null for none) into it. Every datafile is parsed,
     * and every pipe template checked, before any table is created.
     */
    public static Workspace open(Path dataDirectory, Path project) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDirectory, e);
        }
        DataProject parsed = project == null ? null : DataProject.read(project);
        PipeCatalog pipes = parsed == null ? PipeCatalog.EMPTY : PipeCatalog.of(parsed.pipeDefinitions());
        TokenStore tokens = TokenStore.openOrCreate(dataDirectory);
        if (parsed != null) {
            tokens = tokens.withDeclaredTokens(parsed.tokenScopes());
        }
        Database database = Database.open(dataDirectory.resolve("database"));
        try {
            List<LoadedDatasource> loaded = parsed == null ? List.of() : new ProjectLoader(database).load(parsed);
            java.util.Set<String> created = new java.util.HashSet<>();
            loaded.stream().filter(LoadedDatasource::created).forEach(table -> created.add(table.name()));
            for (String failure : io.columba.workspace.pipe.MaterializedViews.backfill(database, pipes, created)) {
                System.err.println("warning: materialized view not backfilled: " + failure);
            }
            return new Workspace(dataDirectory, database, tokens, loaded, pipes);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Database database() {
        return database;
    }

    public TokenStore tokens() {
        return tokens;
    }

    /** The project's data sources, in the order they were loaded. */
    public List<LoadedDatasource> datasources() {
        return datasources;
    }

    public List<String> datasourceNames() {
        return datasources.stream().map(LoadedDatasource::name).toList();
    }

    /** The project's pipes. */
    public PipeCatalog pipes() {
        return pipes;
    }

    @Override
    public void close() {
        database.close();
    }
}
