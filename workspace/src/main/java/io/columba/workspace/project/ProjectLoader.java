package io.columba.workspace.project;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.ingest.FileAppender;
import io.columba.ingest.Inserter;
import io.columba.storage.error.ColumbaException;
import io.columba.workspace.datafile.CreateTableWriter;
import io.columba.workspace.datafile.DatasourceDefinition;
import io.columba.workspace.service.DatasourceOperation;
import io.columba.workspace.service.OperationsLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads a Tinybird data project into a database: every {@code .datasource} file under the project folder
 * (searched recursively, see {@link DataProject}) becomes a table unless one of that name exists (then its data
 * is kept). Once every table exists, each table created now gets its fixture, {@code fixtures/<name>.ndjson} or
 * {@code .csv} (also Classic's {@code datasources/fixtures/}), appended through the {@link Inserter}, so the
 * materialized views reading it fill their targets as on any other insert.
 *
 * <p>All files are parsed before any table is created, so a bad file changes nothing; a table whose fixture fails
 * to load is dropped again, so the next start retries it.
 */
public final class ProjectLoader {
    private static final List<String> FIXTURE_EXTENSIONS = List.of(".ndjson", ".csv");

    private final Database database;
    private final FileAppender appender;
    private final OperationsLog operations;

    public ProjectLoader(Database database) {
        this(database, Inserter.DIRECT);
    }

    /** A loader appending fixtures through {@code inserter}. */
    public ProjectLoader(Database database, Inserter inserter) {
        this(database, inserter, OperationsLog.NONE);
    }

    /** A loader appending fixtures through {@code inserter}, recording creates and appends in {@code operations}. */
    public ProjectLoader(Database database, Inserter inserter, OperationsLog operations) {
        this.database = database;
        this.appender = new FileAppender(database, inserter);
        this.operations = operations;
    }

    /** Parses {@code project} and loads its data sources; see {@link #load(DataProject)}. */
    public List<LoadedDatasource> load(Path project) {
        return load(DataProject.read(project));
    }

    /** Creates the tables of {@code project}'s data sources that do not exist yet and appends their fixtures. */
    public List<LoadedDatasource> load(DataProject project) {
        List<String> created = new ArrayList<>();
        try {
            for (Map.Entry<DatasourceDefinition, Path> datasource :
                    project.datasources().entrySet()) {
                if (create(datasource.getKey(), datasource.getValue())) {
                    created.add(datasource.getKey().name());
                }
            }
        } catch (RuntimeException e) {
            created.forEach(name -> drop(name, e));
            throw e;
        }
        List<LoadedDatasource> loaded = new ArrayList<>();
        for (DatasourceDefinition datasource : project.datasources().keySet()) {
            String name = datasource.name();
            loaded.add(
                    created.contains(name)
                            ? appendFixture(project.folder(), name)
                            : new LoadedDatasource(name, false, null, 0));
        }
        return loaded;
    }

    /** Creates the table of {@code datasource} unless it exists; true when created. */
    private boolean create(DatasourceDefinition datasource, Path file) {
        if (database.tableExists(datasource.name())) {
            return false;
        }
        DatasourceOperation operation = DatasourceOperation.start("create", datasource.name());
        try {
            database.execute(CreateTableWriter.createTable(datasource), QuerySettings.DEFAULTS);
            return true;
        } catch (ColumbaException e) {
            operation.failed(e.getMessage());
            throw new ColumbaException(e.errorCode(), file + ": cannot create the table: " + e.getMessage(), e);
        } finally {
            operations.record(operation);
        }
    }

    private LoadedDatasource appendFixture(Path project, String name) {
        Path fixture = fixture(project, name);
        if (fixture == null) {
            return new LoadedDatasource(name, true, null, 0);
        }
        DatasourceOperation operation =
                DatasourceOperation.start("append", name).option("source", "fixtures/" + fixture.getFileName());
        try {
            long rows = appender.append(name, fixture);
            operation.rows(rows, 0);
            return new LoadedDatasource(name, true, fixture, rows);
        } catch (RuntimeException e) {
            operation.failed(e.getMessage());
            drop(name, e);
            throw e;
        } finally {
            operations.record(operation);
        }
    }

    /** Drops {@code name} again after {@code failure}, so the next start creates and fills it. */
    private void drop(String name, RuntimeException failure) {
        try {
            database.execute("DROP TABLE IF EXISTS `" + name.replace("`", "\\`") + "`", QuerySettings.DEFAULTS);
        } catch (RuntimeException dropFailure) {
            failure.addSuppressed(dropFailure);
        }
    }

    private static Path fixture(Path project, String name) {
        for (Path folder : List.of(
                project.resolve("fixtures"), project.resolve("datasources").resolve("fixtures"))) {
            for (String extension : FIXTURE_EXTENSIONS) {
                Path candidate = folder.resolve(name + extension);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
