package io.columba.workspace.project;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.ingest.FileAppender;
import io.columba.storage.error.ColumbaException;
import io.columba.workspace.datafile.CreateTableWriter;
import io.columba.workspace.datafile.DatasourceDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads a Tinybird data project into a database: every {@code .datasource} file under the project folder
 * (searched recursively, see {@link DataProject}) becomes a table unless one of that name exists (then its data is kept). A table created
 * now gets its fixture, {@code fixtures/<name>.ndjson} or {@code .csv} (also Classic's
 * {@code datasources/fixtures/}), appended.
 *
 * <p>All files are parsed before any table is created, so a bad file changes nothing; a table whose fixture fails
 * to load is dropped again, so the next start retries it.
 */
public final class ProjectLoader {
    private static final List<String> FIXTURE_EXTENSIONS = List.of(".ndjson", ".csv");

    private final Database database;
    private final FileAppender appender;

    public ProjectLoader(Database database) {
        this.database = database;
        this.appender = new FileAppender(database);
    }

    /** Parses {@code project} and loads its data sources; see {@link #load(DataProject)}. */
    public List<LoadedDatasource> load(Path project) {
        return load(DataProject.read(project));
    }

    /** Creates the tables of {@code project}'s data sources that do not exist yet and appends their fixtures. */
    public List<LoadedDatasource> load(DataProject project) {
        List<LoadedDatasource> loaded = new ArrayList<>();
        for (Map.Entry<DatasourceDefinition, Path> datasource :
                project.datasources().entrySet()) {
            loaded.add(load(project.folder(), datasource.getKey(), datasource.getValue()));
        }
        return loaded;
    }

    private LoadedDatasource load(Path project, DatasourceDefinition datasource, Path file) {
        String name = datasource.name();
        if (database.tableExists(name)) {
            return new LoadedDatasource(name, false, null, 0);
        }
        try {
            database.execute(CreateTableWriter.createTable(datasource), QuerySettings.DEFAULTS);
        } catch (ColumbaException e) {
            throw new ColumbaException(e.errorCode(), file + ": cannot create the table: " + e.getMessage(), e);
        }
        Path fixture = fixture(project, name);
        if (fixture == null) {
            return new LoadedDatasource(name, true, null, 0);
        }
        try {
            return new LoadedDatasource(name, true, fixture, appender.append(name, fixture));
        } catch (RuntimeException e) {
            try {
                database.execute("DROP TABLE IF EXISTS " + name, QuerySettings.DEFAULTS);
            } catch (RuntimeException dropFailure) {
                e.addSuppressed(dropFailure);
            }
            throw e;
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
