package io.columba.executor;

import io.columba.executor.analyzer.Plan;
import io.columba.executor.analyzer.SelectPlanner;
import io.columba.executor.catalog.Catalog;
import io.columba.executor.catalog.TableEntry;
import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.operator.Operator;
import io.columba.executor.operator.QueryContext;
import io.columba.executor.system.SystemTable;
import io.columba.executor.system.SystemTables;
import io.columba.sql.ast.AlterStatement;
import io.columba.sql.ast.ColumnDeclaration;
import io.columba.sql.ast.CreateDatabaseStatement;
import io.columba.sql.ast.CreateTableStatement;
import io.columba.sql.ast.CreateViewStatement;
import io.columba.sql.ast.DeleteStatement;
import io.columba.sql.ast.DescribeStatement;
import io.columba.sql.ast.DropStatement;
import io.columba.sql.ast.DropTableStatement;
import io.columba.sql.ast.ExchangeStatement;
import io.columba.sql.ast.ExistsStatement;
import io.columba.sql.ast.ExplainStatement;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.sql.ast.InsertStatement;
import io.columba.sql.ast.Literal;
import io.columba.sql.ast.OptimizeStatement;
import io.columba.sql.ast.RenameStatement;
import io.columba.sql.ast.SelectStatement;
import io.columba.sql.ast.ShowTablesStatement;
import io.columba.sql.ast.Statement;
import io.columba.sql.ast.SystemStatement;
import io.columba.sql.ast.TableCommandStatement;
import io.columba.sql.ast.TruncateStatement;
import io.columba.sql.ast.UnsupportedSyntaxException;
import io.columba.sql.ast.UseStatement;
import io.columba.sql.explain.ExplainAstPrinter;
import io.columba.sql.parser.SqlParser;
import io.columba.sql.parser.SqlSyntaxException;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One database: a catalog of tables in a data folder, and the entry point that parses, plans and runs
 * statements. Thread-safe.
 */
public final class Database implements AutoCloseable {
    private final Path folder;
    private final FunctionRegistry functions = FunctionRegistry.builtin();
    private final Catalog catalog;

    private Database(Path folder) {
        this.folder = folder;
        this.catalog = new Catalog(folder, functions);
    }

    /** Opens (or creates) the database kept in {@code folder}, loading every table's metadata. */
    public static Database open(Path folder) {
        return new Database(folder);
    }

    public Path folder() {
        return folder;
    }

    /** Runs one statement. Errors are {@link ColumbaException}s with ClickHouse codes and change nothing. */
    public QueryResult execute(String sql, QuerySettings settings) {
        return execute(sql, settings, new QueryContext(settings));
    }

    /**
     * Runs one statement under {@code context}, which the caller made and may {@link QueryContext#cancel cancel}
     * from another thread: the query then fails with QUERY_WAS_CANCELLED as it reads its next block. The
     * context's counters hold the rows and bytes the query read. Its limits are those of {@code settings} plus
     * the query's SETTINGS clause, whatever settings the context was made with.
     */
    public QueryResult execute(String sql, QuerySettings settings, QueryContext context) {
        try {
            return run(sql, settings, context);
        } catch (UnsupportedSyntaxException e) {
            throw new ColumbaException(ErrorCode.NOT_IMPLEMENTED, e.getMessage());
        }
    }

    private QueryResult run(String sql, QuerySettings settings, QueryContext context) {
        context.check();
        long started = System.nanoTime();
        Statement statement = parse(sql);
        if (settings.readOnly() && !isRead(statement)) {
            throw new ColumbaException(
                    ErrorCode.READONLY,
                    "Cannot execute query in readonly mode: only SELECT, DESCRIBE, SHOW and EXISTS are allowed");
        }
        settings = settings.with(clauseSettings(statement));
        context = context.withSettings(settings);
        QueryResult result = switch (statement) {
            case SelectStatement select
            when select.intoOutfile() != null ->
                throw new ColumbaException(
                        ErrorCode.INTO_OUTFILE_NOT_ALLOWED,
                        "INTO OUTFILE is not allowed: the server does not write files for a query; read the result"
                                + " from the response");
            case SelectStatement select -> select(select, settings, context);
            case CreateTableStatement create -> {
                rejectUnsupported(create);
                catalog.create(create, sql.strip());
                yield null;
            }
            case DropTableStatement drop -> {
                catalog.drop(drop.table(), drop.ifExists());
                yield null;
            }
            case InsertStatement insert
            when insert.fromInfile() != null ->
                throw new ColumbaException(
                        ErrorCode.NOT_IMPLEMENTED,
                        "INSERT ... FROM INFILE reads a file on the client, which only clickhouse-client does: send the"
                                + " data in the request body instead");
            case InsertStatement insert -> {
                TableEntry entry = catalog.get(insert.table());
                new InsertExecutor(functions)
                        .insert(entry, insert, new SelectPlanner(catalog, functions, settings, context));
                yield null;
            }
            case DescribeStatement describe -> describe(describe);
            case ShowTablesStatement show -> singleStringColumn("name", catalog.listedNames(), show.format());
            case OptimizeStatement optimize -> {
                rejectUnsupported(optimize);
                catalog.get(optimize.table()).table().optimize(optimize.fin());
                yield null;
            }
            case TruncateStatement truncate -> {
                catalog.truncate(truncate.table(), truncate.ifExists());
                yield null;
            }
            case RenameStatement rename -> {
                catalog.rename(rename.from(), rename.to());
                yield null;
            }
            case ExchangeStatement exchange -> {
                catalog.exchange(exchange.first(), exchange.second());
                yield null;
            }
            case AlterStatement alter -> {
                new AlterExecutor(catalog, functions).execute(alter);
                yield null;
            }
            case io.columba.sql.ast.SetStatement ignored -> {
                // Settings live with each request here (URL parameters, SETTINGS clauses): no session keeps them.
                yield null;
            }
            case DeleteStatement delete -> {
                catalog.mutate(delete.table(), catalog.deleteTransform(catalog.get(delete.table()), delete.where()));
                yield null;
            }
            case ExplainStatement explain -> explain(explain);
            case TableCommandStatement command ->
                throw new ColumbaException(
                        ErrorCode.NOT_IMPLEMENTED,
                        command.command().name().replace('_', ' ') + " TABLE is not supported");
            case UseStatement ignored ->
                throw new ColumbaException(ErrorCode.NOT_IMPLEMENTED, "USE is not supported: there is one database");
            case CreateViewStatement ignored ->
                throw new ColumbaException(ErrorCode.NOT_IMPLEMENTED, "Views are not supported");
            case CreateDatabaseStatement ignored ->
                throw new ColumbaException(ErrorCode.NOT_IMPLEMENTED, "CREATE DATABASE is not supported");
            case SystemStatement ignored ->
                throw new ColumbaException(ErrorCode.NOT_IMPLEMENTED, "SYSTEM queries are not supported");
            case DropStatement drop ->
                throw new ColumbaException(
                        ErrorCode.NOT_IMPLEMENTED,
                        "DROP " + drop.kind() + " is not supported: there are no "
                                + drop.kind().name().toLowerCase(java.util.Locale.ROOT) + " objects here");
            case ExistsStatement exists ->
                new QueryResult(
                        List.of("result"),
                        List.of(IntegerType.UINT8),
                        List.of(new Block(1, List.of(new LongColumn(new long[] {
                            exists(exists.database(), exists.table()) ? 1 : 0
                        })))),
                        -1,
                        null,
                        exists.format(),
                        true,
                        null);
            // A statement the parser knows and the engine does not run (yet): a clear error, not a build break.
            default ->
                throw new ColumbaException(
                        ErrorCode.NOT_IMPLEMENTED,
                        statement.getClass().getSimpleName().replace("Statement", "")
                                + " statements are not supported");
        };
        QueryStatistics done = new QueryStatistics(context.rows(), context.bytes(), System.nanoTime() - started);
        return result == null ? QueryResult.empty(done) : result.withStatistics(done);
    }

    private static Statement parse(String sql) {
        try {
            return SqlParser.parse(sql);
        } catch (SqlSyntaxException e) {
            throw new ColumbaException(
                    e.nestingTooDeep() ? ErrorCode.TOO_DEEP_RECURSION : ErrorCode.SYNTAX_ERROR, e.getMessage());
        } catch (StackOverflowError e) {
            throw new ColumbaException(ErrorCode.TOO_DEEP_AST, "AST is too deep: the query nests too far");
        }
    }

    private static boolean isRead(Statement statement) {
        return statement instanceof SelectStatement
                || statement instanceof DescribeStatement
                || statement instanceof ShowTablesStatement
                || statement instanceof ExistsStatement
                || statement instanceof ExplainStatement;
    }

    private QueryResult select(SelectStatement select, QuerySettings settings, QueryContext context) {
        Plan plan = new SelectPlanner(catalog, functions, settings, context).plan(select.query());
        List<Block> blocks = new ArrayList<>();
        Operator root = plan.root();
        Block totals = null;
        try {
            long rows = 0;
            for (Block block = root.next(); block != null; block = root.next()) {
                blocks.add(block);
                rows += block.rowCount();
                if (!context.acceptResultRows(rows)) {
                    break;
                }
            }
            totals = plan.totals() == null ? null : plan.totals().get();
        } finally {
            root.close();
        }
        long rowsBeforeLimit = plan.limit() == null ? -1 : plan.limit().rowsBeforeLimit();
        return new QueryResult(
                plan.names(), plan.types(), blocks, rowsBeforeLimit, null, select.format(), true, totals);
    }

    /**
     * The SETTINGS clauses of a statement as text, the way URL parameters come: a SELECT's (after its last SELECT, or
     * after FORMAT), an INSERT's, an OPTIMIZE's or a DELETE's.
     */
    private static Map<String, String> clauseSettings(Statement statement) {
        List<Map<String, Expression>> clauses = switch (statement) {
            case SelectStatement select -> {
                yield List.of(SelectPlanner.lastSelect(select.query()).settings(), select.settings());
            }
            case InsertStatement insert -> List.of(insert.settings());
            case OptimizeStatement optimize -> List.of(optimize.settings());
            case DeleteStatement delete -> List.of(delete.settings());
            default -> List.of();
        };
        Map<String, String> values = new HashMap<>();
        for (Map<String, Expression> settings : clauses) {
            for (Map.Entry<String, Expression> setting : settings.entrySet()) {
                String text = setting.getValue() instanceof Literal literal && literal.value() != null
                        ? literal.value().toString()
                        : ExpressionFormatter.format(setting.getValue());
                values.put(setting.getKey(), text);
            }
        }
        return values;
    }

    private boolean exists(String database, String table) {
        if (SystemTables.DATABASE.equals(database)) {
            return SystemTables.exists(table);
        }
        return (database == null || database.equals("default")) && catalog.exists(table);
    }

    private QueryResult describe(DescribeStatement describe) {
        if (SystemTables.DATABASE.equals(describe.database())) {
            SystemTable table = new SystemTables(catalog, functions, QuerySettings.DEFAULTS).read(describe.table());
            return describeColumns(
                    table.names(), table.types().stream().map(DataType::name).toList(), describe.format());
        }
        TableEntry entry = catalog.get(describe.table());
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (ColumnDeclaration column : entry.definition().columns()) {
            names.add(column.name());
            types.add(entry.table()
                    .schema()
                    .columns()
                    .get(names.size() - 1)
                    .type()
                    .name());
        }
        return describeColumns(names, types, describe.format());
    }

    private static QueryResult describeColumns(List<String> names, List<String> types, String format) {
        List<String> empty = java.util.Collections.nCopies(names.size(), "");
        List<String> headers = List.of(
                "name", "type", "default_type", "default_expression", "comment", "codec_expression", "ttl_expression");
        List<Column> columns = new ArrayList<>();
        columns.add(strings(names));
        columns.add(strings(types));
        for (int i = 2; i < headers.size(); i++) {
            columns.add(strings(empty));
        }
        List<DataType> columnTypes =
                headers.stream().map(h -> (DataType) StringType.STRING).toList();
        return new QueryResult(
                headers, columnTypes, List.of(new Block(names.size(), columns)), -1, null, format, true, null);
    }

    /** CREATE TABLE forms the catalog cannot build yet fail instead of creating something else. */
    private static void rejectUnsupported(OptimizeStatement optimize) {
        if (optimize.partition() != null) {
            throw new ColumbaException(
                    ErrorCode.NOT_IMPLEMENTED, "OPTIMIZE TABLE ... PARTITION is not supported: it merges every part");
        }
        if (optimize.deduplicate()) {
            throw new ColumbaException(ErrorCode.NOT_IMPLEMENTED, "OPTIMIZE TABLE ... DEDUPLICATE is not supported");
        }
    }

    private static void rejectUnsupported(CreateTableStatement create) {
        if (create.asTableFunction() != null) {
            throw new ColumbaException(
                    ErrorCode.NOT_IMPLEMENTED,
                    "CREATE TABLE ... AS " + create.asTableFunction().name() + "(...) is not supported");
        }
        if (!create.constraints().isEmpty()) {
            throw new ColumbaException(
                    ErrorCode.NOT_IMPLEMENTED,
                    "CONSTRAINT " + create.constraints().get(0).name()
                            + " is not supported: inserts would not check it");
        }
        if (!create.projections().isEmpty()) {
            throw new ColumbaException(
                    ErrorCode.NOT_IMPLEMENTED,
                    "PROJECTION " + create.projections().get(0).name() + " is not supported");
        }
        if (create.engine() != null && create.engine().name() == null) {
            throw new ColumbaException(ErrorCode.NOT_IMPLEMENTED, "CREATE TABLE without ENGINE is not supported");
        }
        if (create.asTable() != null || create.asSelect() != null) {
            throw new ColumbaException(ErrorCode.NOT_IMPLEMENTED, "CREATE TABLE ... AS is not supported");
        }
        for (ColumnDeclaration column : create.columns()) {
            if (column.type() == null || !column.defaultKind().equals("DEFAULT")) {
                throw new ColumbaException(
                        ErrorCode.NOT_IMPLEMENTED,
                        "Column " + column.name() + ": " + column.defaultKind()
                                + " columns and columns without a type are not supported");
            }
        }
    }

    /** {@code EXPLAIN AST}: ClickHouse's tree, one line per row; the other kinds need a planner that explains. */
    private static QueryResult explain(ExplainStatement explain) {
        if (!explain.kind().equals("AST")) {
            throw new ColumbaException(ErrorCode.NOT_IMPLEMENTED, "EXPLAIN " + explain.kind() + " is not supported");
        }
        String tree = ExplainAstPrinter.print(explain.statement());
        return singleStringColumn("explain", List.of(tree.split("\n")), null);
    }

    private static QueryResult singleStringColumn(String name, List<String> values, String format) {
        return new QueryResult(
                List.of(name),
                List.of(StringType.STRING),
                List.of(new Block(values.size(), List.of(strings(values)))),
                -1,
                null,
                format,
                true,
                null);
    }

    private static Column strings(List<String> values) {
        StringColumnBuilder builder = new StringColumnBuilder(values.size());
        for (String value : values) {
            builder.append(value);
        }
        return builder.build();
    }

    /** Names of the tables, sorted. */
    /**
     * Appends rows given as UTF-8 bytes {@code data[from, to)} of an input format (TabSeparated, CSV,
     * JSONEachRow...) to {@code table}, into {@code columns} (empty: all, in table order); the others get their
     * DEFAULT. The bulk-load road: no SQL text is built or parsed. Returns the rows written.
     */
    public long insert(String table, List<String> columns, String format, byte[] data, int from, int to) {
        TableEntry entry = catalog.get(table);
        return new InsertExecutor(functions).insertFormatted(entry, columns, format, data, from, to);
    }

    /**
     * Appends {@code block}, whose columns hold values of {@code types}, to {@code table}'s {@code columns} (empty:
     * all, in table order); the others get their DEFAULT, and a column whose type is not the table's is converted
     * to it. The road of rows converted already (the Events API): nothing is parsed. Returns the rows written.
     */
    public long insert(String table, List<String> columns, List<DataType> types, Block block) {
        TableEntry entry = catalog.get(table);
        return new InsertExecutor(functions).insertBlock(entry, columns, types, block);
    }

    public List<String> tableNames() {
        return catalog.names();
    }

    public boolean tableExists(String name) {
        return catalog.exists(name);
    }

    @Override
    public void close() {
        catalog.close();
    }
}
