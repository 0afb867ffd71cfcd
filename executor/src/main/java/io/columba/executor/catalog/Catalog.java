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

    /** Stops background merges of every table, waiting for running ones; the data stays as it is. */
    public synchronized void close() {
        for (TableEntry entry : tables.values()) {
            entry.table().detach();
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

    /**
     * Prefix of the tables a Tinybird workspace keeps its service data sources in ({@code tinybird.*}): they are
     * read through those names and left out of SHOW TABLES and the system tables' listings.
     */
    public static final String SERVICE_TABLE_PREFIX = "__tinybird_";

    /** The names SHOW TABLES lists: every table but the service tables. */
    public synchronized List<String> listedNames() {
        return tables.keySet().stream().filter(name -> !isServiceTable(name)).toList();
    }

    public static boolean isServiceTable(String name) {
        return name.startsWith(SERVICE_TABLE_PREFIX);
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
        writeMetadata(create.table(), sql);
        tables.put(create.table(), entry);
        return true;
    }

    /** Writes {@code metadata/<table>.sql}: to a temporary file, fsynced, renamed over the old one. */
    private void writeMetadata(String table, String sql) {
        Path file = metadataFolder.resolve(table + ".sql");
        Path temporary = metadataFolder.resolve(table + ".sql.tmp");
        try {
            Files.writeString(temporary, sql, StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(metadataFolder);
        } catch (IOException e) {
            throw new ColumbaException(ErrorCode.CANNOT_OPEN_FILE, "Cannot write metadata of " + table, e);
        }
    }

    private static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** TRUNCATE TABLE: removes every row; returns false when the table did not exist and IF EXISTS was given. */
    public synchronized boolean truncate(String name, boolean ifExists) {
        if (!tables.containsKey(name) && ifExists) {
            return false;
        }
        get(name).table().truncate();
        return true;
    }

    /** RENAME TABLE a TO b [, ...]: each pair in turn, metadata and data folder. */
    public synchronized void rename(List<String> from, List<String> to) {
        for (int i = 0; i < from.size(); i++) {
            TableEntry entry = get(from.get(i));
            if (tables.containsKey(to.get(i))) {
                throw new ColumbaException(
                        ErrorCode.TABLE_ALREADY_EXISTS, "Table default." + to.get(i) + " already exists");
            }
            moveTable(entry, to.get(i));
        }
    }

    /** EXCHANGE TABLES a AND b: the names swap tables (through a temporary third name). */
    public synchronized void exchange(String first, String second) {
        TableEntry a = get(first);
        TableEntry b = get(second);
        String temporary = ".exchange." + first;
        TableEntry parked = moveTable(a, temporary);
        moveTable(b, first);
        moveTable(parked, second);
    }

    /**
     * Gives a table a new name: the new metadata file is written first, then the data folder moves, then the old
     * metadata file goes. A crash between steps leaves both names, never a table without its data.
     */
    private TableEntry moveTable(TableEntry entry, String newName) {
        CreateTableStatement old = entry.definition();
        CreateTableStatement renamed =
                new CreateTableStatement(old.ifNotExists(), old.database(), newName, old.columns(), old.engine());
        String sql = io.columba.sql.ast.CreateTableFormatter.format(renamed);
        entry.table().detach();
        writeMetadata(newName, sql);
        try {
            Path target = dataFolder.resolve(newName);
            MergeTreeTable.deleteFolder(target);
            if (Files.exists(dataFolder.resolve(entry.name()))) {
                Files.move(dataFolder.resolve(entry.name()), target, StandardCopyOption.ATOMIC_MOVE);
            }
            syncFolder(dataFolder);
            Files.deleteIfExists(metadataFolder.resolve(entry.name() + ".sql"));
            syncFolder(metadataFolder);
        } catch (IOException e) {
            throw new ColumbaException(ErrorCode.CANNOT_OPEN_FILE, "Cannot rename table " + entry.name(), e);
        }
        tables.remove(entry.name());
        TableEntry moved = open(renamed, sql);
        tables.put(newName, moved);
        return moved;
    }

    /** The transform of {@code DELETE WHERE where}: drops the rows where it is true. */
    public java.util.function.UnaryOperator<io.columba.storage.block.Block> deleteTransform(
            TableEntry entry, Expression where) {
        return Mutations.delete(functions, entry, where);
    }

    /** The transform of {@code UPDATE columns = values WHERE where}. */
    public java.util.function.UnaryOperator<io.columba.storage.block.Block> updateTransform(
            TableEntry entry, List<String> columns, List<Expression> values, Expression where) {
        return Mutations.update(functions, entry, columns, values, where);
    }

    /** Binds expressions over the table's columns (for ALTER TABLE's DEFAULT and mutation expressions). */
    public ExpressionBinder binder(TableEntry entry) {
        return Mutations.binder(functions, entry);
    }

    /** The names of the columns {@code expression} reads. */
    public static Set<String> columnsOf(Expression expression) {
        Set<String> names = new java.util.LinkedHashSet<>();
        Mutations.collect(expression, names);
        return names;
    }

    /** Where the table's CREATE statement is kept ({@code metadata/<name>.sql}). */
    public Path metadataFile(String table) {
        return metadataFolder.resolve(table + ".sql");
    }

    /** The folder of the tables' parts. */
    public Path dataFolder() {
        return dataFolder;
    }

    /**
     * The tables system.tables, columns, parts and merges list, sorted by name (one consistent list for all four):
     * every table but the service tables.
     */
    public synchronized List<TableEntry> listedEntries() {
        return tables.values().stream()
                .filter(entry -> !isServiceTable(entry.name()))
                .toList();
    }

    /** Columns the table's keys and engine use, which ALTER may not change. */
    public static Set<String> keyColumns(TableEntry entry) {
        return Mutations.keyColumns(entry);
    }

    /** ALTER TABLE ... DELETE/UPDATE and DELETE FROM: rewrites the table's parts through {@code transform}. */
    public synchronized void mutate(
            String name, java.util.function.UnaryOperator<io.columba.storage.block.Block> transform) {
        TableEntry entry = get(name);
        entry.table().mutate(transform, entry.table().schema(), false);
    }

    /**
     * ALTER TABLE ... ADD/DROP/MODIFY/RENAME COLUMN: the parts are rewritten in the new columns by
     * {@code transform} (none when {@code transform} is null: parts without a column read its default), then the
     * new definition is stored and the table reopened with it.
     */
    public synchronized void changeColumns(
            String name,
            List<ColumnDeclaration> columns,
            java.util.function.UnaryOperator<io.columba.storage.block.Block> transform) {
        TableEntry entry = get(name);
        CreateTableStatement old = entry.definition();
        CreateTableStatement changed = new CreateTableStatement(
                old.ifNotExists(), old.database(), old.table(), columns, old.indexes(), old.engine());
        String sql = io.columba.sql.ast.CreateTableFormatter.format(changed);
        List<ColumnDefinition> definitions = new ArrayList<>();
        for (ColumnDeclaration column : columns) {
            definitions.add(definition(column));
        }
        if (transform != null) {
            entry.table()
                    .mutate(
                            transform,
                            new TableSchema(definitions, entry.table().schema().keyTypes()),
                            true);
        }
        entry.table().detach();
        writeMetadata(name, sql);
        tables.put(name, open(changed, sql));
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
            columns.add(definition(column));
        }
        List<String> names = columns.stream().map(ColumnDefinition::name).toList();
        List<DataType> types = columns.stream().map(ColumnDefinition::type).toList();
        ExpressionBinder binder = new ExpressionBinder(functions, names, types, null, "table key");
        Expression orderBy = engine.orderBy() != null ? engine.orderBy() : engine.primaryKey();
        List<Expression> keyExpressions = orderBy == null ? List.of() : tupleElements(orderBy);
        List<BoundExpression> sortingKey =
                keyExpressions.stream().map(binder::bind).toList();
        TableEngine tableEngine = TableEngine.of(engine, create.columns(), columns, keyExpressions);
        List<BoundExpression> mergeKey = new ArrayList<>(sortingKey);
        for (Expression extra : tableEngine.extraMergeKey()) {
            mergeKey.add(binder.bind(extra));
        }
        // PARTITION BY tuple() is one partition, as no PARTITION BY is.
        BoundExpression partitionKey = engine.partitionBy() == null
                        || tupleElements(engine.partitionBy()).isEmpty()
                ? null
                : binder.bind(engine.partitionBy());
        List<String> prunable = new ArrayList<>();
        for (int k = 0; k < keyExpressions.size() && keyExpressions.get(k) instanceof Identifier identifier; k++) {
            prunable.add(identifier.name());
        }
        int granuleRows = intSetting(engine, "index_granularity", TableSettings.DEFAULT_GRANULE_ROWS);
        int delay = intSetting(engine, "parts_to_delay_insert", TableSettings.DEFAULTS.partsToDelayInsert());
        int fail = intSetting(engine, "parts_to_throw_insert", TableSettings.DEFAULTS.partsToThrowInsert());
        long ttlTimeout =
                nonNegativeSetting(engine, "merge_with_ttl_timeout", TableSettings.DEFAULT_MERGE_WITH_TTL_TIMEOUT);
        long granuleBytes = nonNegativeSetting(engine, "index_granularity_bytes", TableSettings.DEFAULT_GRANULE_BYTES);
        for (ColumnDeclaration column : create.columns()) {
            if (column.ttl() != null) {
                throw new ColumbaException(
                        ErrorCode.NOT_IMPLEMENTED,
                        "Column TTL (column " + column.name() + ") is not supported yet; use a table TTL");
            }
        }
        TableTtl ttl = TableTtl.of(engine.ttl(), binder);
        TableSchema schema = new TableSchema(
                columns,
                mergeKey.stream().map(BoundExpression::type).toList(),
                indexes(create, binder, partitionKey, names, types));
        MergeTreeTable table = new MergeTreeTable(
                dataFolder.resolve(create.table()),
                schema,
                new TableSettings(granuleRows, delay, fail, ttlTimeout, granuleBytes),
                new ExpressionSortingKey(mergeKey),
                tableEngine.mergingMode(),
                ttl);
        return new TableEntry(
                create.table(),
                sql,
                create,
                table,
                partitionKey,
                mergeKey,
                List.copyOf(prunable),
                tableEngine.discardsRows());
    }

    /** A setting whose zero means something (merge_with_ttl_timeout, index_granularity_bytes). */
    private static long nonNegativeSetting(EngineClause engine, String name, long fallback) {
        Expression value = engine.settings().get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Literal literal && literal.kind() == Literal.Kind.UINT64 && (Long) literal.value() >= 0) {
            return (Long) literal.value();
        }
        throw new ColumbaException(ErrorCode.BAD_ARGUMENTS, "Setting " + name + " must be a non-negative integer");
    }

    private static List<io.columba.storage.index.SkipIndex> indexes(
            CreateTableStatement create,
            ExpressionBinder binder,
            BoundExpression partitionKey,
            List<String> names,
            List<DataType> types) {
        List<io.columba.storage.index.SkipIndex> indexes = new ArrayList<>(SkipIndexes.of(create.indexes(), binder));
        indexes.addAll(SkipIndexes.partitionMinMax(partitionKey, names, types));
        return indexes;
    }

    /** A declared column's type and codecs, checked: a state's function must exist, codecs must fit the type. */
    public static ColumnDefinition definition(ColumnDeclaration column) {
        DataType type = DataTypeParser.parse(column.type());
        if (type instanceof io.columba.storage.type.AggregateFunctionType state) {
            io.columba.executor.function.aggregate.AggregateStateColumns.bind(state);
        }
        return new ColumnDefinition(
                column.name(), type, io.columba.storage.codec.CodecChain.parse(column.codecs(), type));
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

    public static List<Expression> tupleElements(Expression expression) {
        if (expression instanceof FunctionCall call && call.name().equals("tuple")) {
            return call.arguments();
        }
        return List.of(expression);
    }
}
