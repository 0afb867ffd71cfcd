package io.columba.workspace.materialization;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.sql.ast.ColumnDeclaration;
import io.columba.sql.ast.CreateTableFormatter;
import io.columba.sql.ast.CreateTableStatement;
import io.columba.sql.ast.EngineClause;
import io.columba.sql.parser.SqlParser;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One-off tables holding one insert's rows, for the materialized views to read as their source table. A staging
 * table has its table's columns, types and DEFAULT expressions (so it fills omitted values as the table would),
 * but a plain {@code MergeTree ORDER BY tuple()} engine with no TTL or index: it keeps every row it is given, as
 * the block a view sees in ClickHouse. Named {@value #PREFIX}{@code <n>}; a crash can leave one behind, and
 * {@link #dropLeftovers} removes them when the workspace opens.
 *
 * <p>The table's definition is read from the executor's {@code metadata/<table>.sql}, the CREATE statement the
 * catalog keeps (changed by ALTER as the table is).
 */
final class StagingTables {
    static final String PREFIX = "__columba_staging_";

    private static final System.Logger LOG = System.getLogger(StagingTables.class.getName());
    private static final EngineClause ENGINE = ((CreateTableStatement)
                    SqlParser.parse("CREATE TABLE t (c UInt8) ENGINE = MergeTree ORDER BY tuple()"))
            .engine();

    private final Database database;
    private final AtomicLong sequence = new AtomicLong();

    StagingTables(Database database) {
        this.database = database;
    }

    /** Drops the staging tables an earlier run left behind. */
    static void dropLeftovers(Database database) {
        for (String table : database.tableNames()) {
            if (table.startsWith(PREFIX)) {
                database.execute("DROP TABLE IF EXISTS " + quote(table), QuerySettings.DEFAULTS);
            }
        }
    }

    /** Creates an empty staging table shaped like {@code table}; returns its name. */
    String createLike(String table) {
        CreateTableStatement definition = definition(table);
        List<ColumnDeclaration> columns = new ArrayList<>();
        for (ColumnDeclaration column : definition.columns()) {
            columns.add(new ColumnDeclaration(
                    column.name(), column.type(), column.defaultExpression(), null, column.codecs(), null));
        }
        String name = PREFIX + sequence.incrementAndGet();
        database.execute(
                CreateTableFormatter.format(new CreateTableStatement(false, null, name, columns, List.of(), ENGINE)),
                QuerySettings.DEFAULTS);
        return name;
    }

    /** Drops staging table {@code name}; a failure is logged, not thrown (the next open drops it). */
    void drop(String name) {
        try {
            database.execute("DROP TABLE IF EXISTS " + quote(name), QuerySettings.DEFAULTS);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot drop the staging table " + name, e);
        }
    }

    private CreateTableStatement definition(String table) {
        if (!database.tableExists(table)) {
            throw new ColumbaException(ErrorCode.UNKNOWN_TABLE, "Table default." + table + " does not exist");
        }
        Path file = database.folder().resolve("metadata").resolve(table + ".sql");
        try {
            return (CreateTableStatement) SqlParser.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ColumbaException(ErrorCode.CANNOT_OPEN_FILE, "Cannot read the definition of " + table, e);
        }
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }
}
