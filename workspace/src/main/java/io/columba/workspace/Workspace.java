package io.columba.workspace;

import io.columba.executor.Database;
import io.columba.ingest.buffer.BufferSettings;
import io.columba.ingest.buffer.InsertBuffer;
import io.columba.ingest.events.EventIngestor;
import io.columba.ingest.events.NdjsonAppender;
import io.columba.ingest.json.ColumnDefaults;
import io.columba.ingest.json.RowConverter;
import io.columba.workspace.datafile.DatasourceDefinition;
import io.columba.workspace.datasource.DatasourceCatalog;
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
 * ({@code <data-dir>/tokens.json}, with the tokens the project's {@code TOKEN} lines declare), the data sources
 * and pipes of the project loaded into it, and the insert buffer of ingestion with its write-ahead log
 * ({@code <data-dir>/ingest-log}); rows acknowledged before a crash are inserted when the workspace opens.
 */
public final class Workspace implements AutoCloseable {
    private final Path dataDirectory;
    private final Database database;
    private final TokenStore tokens;
    private final List<LoadedDatasource> datasources;
    private final PipeCatalog pipes;
    private final DatasourceCatalog catalog;
    private final List<DatasourceDefinition> definitions;
    private final InsertBuffer buffer;
    private final EventIngestor events;
    private final NdjsonAppender ndjson;

    private Workspace(
            Path dataDirectory,
            Database database,
            TokenStore tokens,
            List<LoadedDatasource> datasources,
            PipeCatalog pipes,
            List<DatasourceDefinition> definitions,
            InsertBuffer buffer) {
        this.dataDirectory = dataDirectory;
        this.database = database;
        this.tokens = tokens;
        this.datasources = List.copyOf(datasources);
        this.pipes = pipes;
        this.definitions = List.copyOf(definitions);
        this.catalog = new DatasourceCatalog(database, definitions);
        this.buffer = buffer;
        RowConverter converter = new RowConverter(new ColumnDefaults(database));
        this.events = new EventIngestor(database, buffer, converter);
        this.ndjson = new NdjsonAppender(database, buffer, converter, events);
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
        return open(dataDirectory, project, BufferSettings.DEFAULTS);
    }

    /** Opens the workspace as {@link #open(Path, Path)} does, batching ingested rows as {@code buffering} says. */
    public static Workspace open(Path dataDirectory, Path project, BufferSettings buffering) {
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
            List<DatasourceDefinition> definitions = parsed == null
                    ? List.of()
                    : List.copyOf(parsed.datasources().keySet());
            InsertBuffer buffer = InsertBuffer.open(database, dataDirectory.resolve("ingest-log"), buffering);
            return new Workspace(dataDirectory, database, tokens, loaded, pipes, definitions, buffer);
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

    /** The data sources rows can be ingested into, with their JSONPaths. */
    public DatasourceCatalog datasourceCatalog() {
        return catalog;
    }

    /** The insert buffer every buffered ingestion goes through. */
    public InsertBuffer insertBuffer() {
        return buffer;
    }

    /** The Events API ingestion path. */
    public EventIngestor events() {
        return events;
    }

    /** Appends NDJSON files by JSONPath (the Data Sources API). */
    public NdjsonAppender ndjsonAppender() {
        return ndjson;
    }

    /** The definition of data source {@code name} in the project, if it declares one. */
    public java.util.Optional<DatasourceDefinition> definition(String name) {
        return definitions.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** Inserts the rows still buffered, then closes the database. */
    @Override
    public void close() {
        try {
            buffer.close();
        } finally {
            database.close();
        }
    }
}
