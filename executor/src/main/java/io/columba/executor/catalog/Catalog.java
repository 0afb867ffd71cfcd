package io.columba.executor.catalog;

import io.columba.executor.analyzer.ExpressionBinder;
import io.columba.executor.expression.BoundExpression;
import io.columba.executor.function.FunctionRegistry;
import io.columba.sql.ast.ColumnDeclaration;
import io.columba.sql.ast.CreateTableStatement;
import io.columba.sql.ast.EngineClause;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Identifier;
import io.columba.sql.ast.Literal;
import io.columba.sql.parser.SqlParser;
import io.columba.storage.engine.ColumnDefinition;
import io.columba.storage.engine.MergeTreeTable;
import io.columba.storage.engine.TableSchema;
import io.columba.storage.engine.TableSettings;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DataTypeParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The tables of a database. Each table's CREATE statement is kept in {@code metadata/<name>.sql} (written to a
 * temporary file, fsynced and renamed) and its parts in {@code data/<name>/}.
 */
public final class Catalog {
    private final Path metadataFolder;
    private final Path dataFolder;
    private final FunctionRegistry functions;
    private final Map<String, TableEntry> tables = new TreeMap<>();

    public Catalog(Path folder, FunctionRegistry functions) {
        this.metadataFolder = folder.resolve("metadata");
        this.dataFolder = folder.resolve("data");
        this.functions = functions;
        try {
            Files.createDirectories(metadataFolder);
            Files.createDirectories(dataFolder);
            try (Stream<Path> files = Files.list(metadataFolder)) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".sql.tmp")) {
                        Files.delete(file);
                    } else if (name.endsWith(".sql")) {
                        String sql = Files.readString(file, StandardCharsets.UTF_8);
                        CreateTableStatement create = (CreateTableStatement) SqlParser.parse(sql);
                        tables.put(create.table(), open(create, sql));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the catalog in " + folder, e);
        }
    }

    public synchronized TableEntry get(String name) {
        TableEntry entry = tables.get(name);
        if (entry == null) {
            throw new ColumbaException(ErrorCode.UNKNOWN_TABLE, "Table default." + name + " does not exist");
        }
        return entry;
    }

    public synchronized boolean exists(String name) {
        return tables.containsKey(name);
    }

    public synchronized List<String> names() {
        return new ArrayList<>(tables.keySet());
    }

    /** Creates a table; returns false when it existed and {@code IF NOT EXISTS} was given. */
    public synchronized boolean create(CreateTableStatement create, String sql) {
        if (tables.containsKey(create.table())) {
            if (create.ifNotExists()) {
                return false;
            }
            throw new ColumbaException(
                    ErrorCode.TABLE_ALREADY_EXISTS, "Table default." + create.table() + " already exists");
        }
        TableEntry entry = open(create, sql);
        Path file = metadataFolder.resolve(create.table() + ".sql");
        Path temporary = metadataFolder.resolve(create.table() + ".sql.tmp");
        try {
            Files.writeString(temporary, sql, StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel channel = FileChannel.open(metadataFolder, StandardOpenOption.READ)) {
                channel.force(true);
            }
        } catch (IOException e) {
            throw new ColumbaException(ErrorCode.CANNOT_OPEN_FILE, "Cannot write metadata of " + create.table(), e);
        }
        tables.put(create.table(), entry);
        return true;
    }

    /** Drops a table; returns false when it did not exist and {@code IF EXISTS} was given. */
    public synchronized boolean drop(String name, boolean ifExists) {
        TableEntry entry = tables.get(name);
        if (entry == null) {
            if (ifExists) {
                return false;
            }
            throw new ColumbaException(ErrorCode.UNKNOWN_TABLE, "Table default." + name + " does not exist");
        }
        try {
            Files.deleteIfExists(metadataFolder.resolve(name + ".sql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tables.remove(name);
        entry.table().deleteData();
        return true;
    }

    private TableEntry open(CreateTableStatement create, String sql) {
        EngineClause engine = create.engine();
        if (engine == null) {
            throw new ColumbaException(ErrorCode.BAD_ARGUMENTS, "Table engine is not specified in CREATE query");
        }
        TableEngine.check(engine);
        List<ColumnDefinition> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ColumnDeclaration column : create.columns()) {
            if (!seen.add(column.name())) {
                throw new ColumbaException(ErrorCode.DUPLICATE_COLUMN, "Column " + column.name() + " already exists");
            }
            columns.add(new ColumnDefinition(column.name(), DataTypeParser.parse(column.type())));
        }
        List<String> names = columns.stream().map(ColumnDefinition::name).toList();
        List<DataType> types = columns.stream().map(ColumnDefinition::type).toList();
        ExpressionBinder binder = new ExpressionBinder(functions, names, types, null, "table key");
        Expression orderBy = engine.orderBy() != null ? engine.orderBy() : engine.primaryKey();
        List<Expression> keyExpressions = orderBy == null ? List.of() : tupleElements(orderBy);
        List<BoundExpression> sortingKey =
                keyExpressions.stream().map(binder::bind).toList();
        TableEngine tableEngine = TableEngine.of(engine, columns, keyExpressions);
        List<BoundExpression> mergeKey = new ArrayList<>(sortingKey);
        for (Expression extra : tableEngine.extraMergeKey()) {
            mergeKey.add(binder.bind(extra));
        }
        BoundExpression partitionKey = engine.partitionBy() == null ? null : binder.bind(engine.partitionBy());
        String prunable = !keyExpressions.isEmpty() && keyExpressions.get(0) instanceof Identifier identifier
                ? identifier.name()
                : null;
        int granuleRows = intSetting(engine, "index_granularity", TableSettings.DEFAULT_GRANULE_ROWS);
        int delay = intSetting(engine, "parts_to_delay_insert", TableSettings.DEFAULTS.partsToDelayInsert());
        int fail = intSetting(engine, "parts_to_throw_insert", TableSettings.DEFAULTS.partsToThrowInsert());
        TableSchema schema = new TableSchema(
                columns, mergeKey.stream().map(BoundExpression::type).toList());
        MergeTreeTable table = new MergeTreeTable(
                dataFolder.resolve(create.table()),
                schema,
                new TableSettings(granuleRows, delay, fail),
                new ExpressionSortingKey(mergeKey),
                tableEngine.mergingMode());
        return new TableEntry(
                create.table(), sql, create, table, partitionKey, mergeKey, prunable, tableEngine.discardsRows());
    }

    private static int intSetting(EngineClause engine, String name, int fallback) {
        Expression value = engine.settings().get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Literal literal
                && literal.kind() == Literal.Kind.UINT64
                && (Long) literal.value() > 0
                && (Long) literal.value() <= Integer.MAX_VALUE) {
            return (int) (long) (Long) literal.value();
        }
        throw new ColumbaException(ErrorCode.BAD_ARGUMENTS, "Setting " + name + " must be a positive integer");
    }

    static List<Expression> tupleElements(Expression expression) {
        if (expression instanceof FunctionCall call && call.name().equals("tuple")) {
            return call.arguments();
        }
        return List.of(expression);
    }
}
