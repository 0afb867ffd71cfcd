package io.columba.workspace;

import io.columba.executor.Database;
import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import io.columba.executor.operator.QueryContext;
import io.columba.ingest.TableLocks;
import io.columba.ingest.buffer.BufferSettings;
import io.columba.ingest.buffer.InsertBuffer;
import io.columba.ingest.events.EventIngestor;
import io.columba.ingest.events.NdjsonAppender;
import io.columba.ingest.json.ColumnDefaults;
import io.columba.ingest.json.RowConverter;
import io.columba.workspace.datafile.DatasourceDefinition;
import io.columba.workspace.datasource.DatasourceCatalog;
import io.columba.workspace.job.Jobs;
import io.columba.workspace.materialization.MaterializedViews;
import io.columba.workspace.materialization.MaterializingInserter;
import io.columba.workspace.pipe.PipeCatalog;
import io.columba.workspace.project.DataProject;
import io.columba.workspace.project.LoadedDatasource;
import io.columba.workspace.project.ProjectLoader;
import io.columba.workspace.service.ServiceDataSources;
import io.columba.workspace.token.TokenStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One workspace kept in a data folder: its database ({@code <data-dir>/database}), its tokens
 * ({@code <data-dir>/tokens.json}, with the tokens the project's {@code TOKEN} lines declare), the data sources
 * and pipes of the project loaded into it, and the insert buffer of ingestion with its write-ahead log
 * ({@code <data-dir>/ingest-log}); rows acknowledged before a crash are inserted when the workspace opens. Every
 * insert, whichever API it comes by, goes through the {@link MaterializingInserter}, which runs the project's
 * materialized views over the inserted rows. Operations on data sources and endpoint requests are recorded in the
 * service data sources ({@link ServiceDataSources}); the Jobs API's jobs in {@code <data-dir>/jobs.ndjson}.
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
    private final MaterializingInserter inserter;
    private final ServiceDataSources services;
    private final Jobs jobs;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Workspace(
            Path dataDirectory,
            Database database,
            TokenStore tokens,
            List<LoadedDatasource> datasources,
            PipeCatalog pipes,
            List<DatasourceDefinition> definitions,
            InsertBuffer buffer,
            MaterializingInserter inserter,
            ServiceDataSources services) {
        this.dataDirectory = dataDirectory;
        this.database = database;
        this.tokens = tokens;
        this.datasources = List.copyOf(datasources);
        this.pipes = pipes;
        this.definitions = List.copyOf(definitions);
        this.catalog = new DatasourceCatalog(database, definitions);
        this.buffer = buffer;
        this.inserter = inserter;
        this.services = services;
        this.jobs = Jobs.open(dataDirectory.resolve("jobs.ndjson"));
        RowConverter converter = new RowConverter(new ColumnDefaults(database));
        this.events = new EventIngestor(database, buffer, converter);
        this.ndjson = new NdjsonAppender(database, buffer, converter, events, inserter);
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
        removeLeftovers(dataDirectory.resolve("imports"), "import-");
        removeLeftovers(dataDirectory.resolve("database").resolve("uploads"), "upload-");
        DataProject parsed = project == null ? null : DataProject.read(project);
        PipeCatalog pipes = parsed == null ? PipeCatalog.EMPTY : PipeCatalog.of(parsed.pipeDefinitions());
        TokenStore tokens = TokenStore.openOrCreate(dataDirectory);
        if (parsed != null) {
            tokens = tokens.withDeclaredTokens(parsed.tokenScopes());
        }
        Database database = Database.open(dataDirectory.resolve("database"));
        ServiceDataSources services = null;
        try {
            services = ServiceDataSources.open(database);
            MaterializedViews views = MaterializedViews.of(pipes);
            for (String failure : views.failures()) {
                System.err.println("warning: materialized view left out: " + failure);
            }
            TableLocks locks = new TableLocks();
            MaterializingInserter inserter = new MaterializingInserter(database, views, locks);
            List<LoadedDatasource> loaded = parsed == null
                    ? List.of()
                    : new ProjectLoader(database, inserter, services.operations()).load(parsed);
            Set<String> created = new HashSet<>();
            loaded.stream().filter(LoadedDatasource::created).forEach(table -> created.add(table.name()));
            for (String failure : inserter.backfill(created, services.operations())) {
                System.err.println("warning: materialized view not backfilled: " + failure);
            }
            List<DatasourceDefinition> definitions = parsed == null
                    ? List.of()
                    : List.copyOf(parsed.datasources().keySet());
            InsertBuffer buffer = InsertBuffer.open(
                    database,
                    dataDirectory.resolve("ingest-log"),
                    buffering,
                    services.operations().recording(inserter),
                    locks);
            return new Workspace(
                    dataDirectory, database, tokens, loaded, pipes, definitions, buffer, inserter, services);
        } catch (RuntimeException e) {
            if (services != null) {
                services.close();
            }
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

    /** The road every insert takes, running the materialized views; its recent view failures. */
    public MaterializingInserter inserter() {
        return inserter;
    }

    /**
     * Runs one statement as {@link Database#execute} does, except that an {@code INSERT} into a table materialized
     * views read goes through the {@link #inserter()} (so the views run over its rows). Read-only settings go
     * straight to the database, which refuses writes.
     */
    public QueryResult execute(String sql, QuerySettings settings) {
        return execute(sql, settings, new QueryContext(settings));
    }

    /** {@link #execute(String, QuerySettings)} under {@code context}, which the caller may cancel. */
    public QueryResult execute(String sql, QuerySettings settings, QueryContext context) {
        InsertTarget target = settings.readOnly() ? null : InsertTarget.of(sql);
        if (target == null || inserter.views().reading(target.table()).isEmpty()) {
            return database.execute(sql, settings, context);
        }
        QueryResult[] result = new QueryResult[1];
        inserter.insert(
                target.table(), into -> result[0] = database.execute(target.into(sql, into), settings, context));
        return result[0];
    }

    /** The service data sources ({@code tinybird.*}): the operations log and the endpoint request stats. */
    public ServiceDataSources services() {
        return services;
    }

    /**
     * Deletes the files named {@code prefix*} in {@code folder}: downloads of imports from a URL and spooled Parquet
     * uploads that a crash left behind (their requests failed with the crash; nothing of them was appended).
     */
    private static void removeLeftovers(Path folder, String prefix) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().startsWith(prefix)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            System.err.println("warning: cannot remove the leftover files of " + folder + ": " + e);
        }
    }

    /** The Jobs API's jobs: imports from a URL, deletes, copies. */
    public Jobs jobs() {
        return jobs;
    }

    /** The definition of data source {@code name} in the project, if it declares one. */
    public Optional<DatasourceDefinition> definition(String name) {
        return definitions.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** Lets queued jobs finish, inserts the rows still buffered, then closes the database; again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            jobs.close();
            buffer.close();
        } finally {
            try {
                services.close();
            } finally {
                database.close();
            }
        }
    }
}
