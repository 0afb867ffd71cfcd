package io.columba.workspace;

import io.columba.executor.Database;
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
 * ({@code <data-dir>/tokens.json}) and the data sources of the project loaded into it.
 */
public final class Workspace implements AutoCloseable {
    private final Path dataDirectory;
    private final Database database;
    private final TokenStore tokens;
    private final List<LoadedDatasource> datasources;

    private Workspace(Path dataDirectory, Database database, TokenStore tokens, List<LoadedDatasource> datasources) {
        this.dataDirectory = dataDirectory;
        this.database = database;
        this.tokens = tokens;
        this.datasources = List.copyOf(datasources);
    }

    /** Opens (or creates) the workspace in {@code dataDirectory} with no project. */
    public static Workspace open(Path dataDirectory) {
        return open(dataDirectory, null);
    }

    /** Opens (or creates) the workspace and loads {@code project} (null for none) into it. */
    public static Workspace open(Path dataDirectory, Path project) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDirectory, e);
        }
        TokenStore tokens = TokenStore.openOrCreate(dataDirectory);
        Database database = Database.open(dataDirectory.resolve("database"));
        try {
            List<LoadedDatasource> loaded = project == null ? List.of() : new ProjectLoader(database).load(project);
            return new Workspace(dataDirectory, database, tokens, loaded);
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

    @Override
    public void close() {
        database.close();
    }
}
