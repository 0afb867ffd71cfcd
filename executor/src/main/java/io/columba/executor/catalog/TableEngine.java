package io.columba.executor.catalog;

import io.columba.sql.ast.ColumnDeclaration;
import io.columba.sql.ast.EngineClause;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.Identifier;
import io.columba.storage.engine.CollapsingMode;
import io.columba.storage.engine.ColumnDefinition;
import io.columba.storage.engine.MergingMode;
import io.columba.storage.engine.ReplacingMode;
import io.columba.storage.engine.SummingMode;
import io.columba.storage.engine.VersionedCollapsingMode;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The MergeTree family engine of a table, from its {@code ENGINE = Name(arguments)} clause: how merges and FINAL
 * combine rows of equal keys, and columns the engine adds to the merge key (VersionedCollapsingMergeTree sorts by
 * version within a key).
 */
record TableEngine(MergingMode mergingMode, List<Expression> extraMergeKey, boolean discardsRows) {

    private static final Set<String> NAMES = Set.of(
            "MergeTree",
            "ReplacingMergeTree",
            "SummingMergeTree",
            "AggregatingMergeTree",
            "CollapsingMergeTree",
            "VersionedCollapsingMergeTree",
            "Null");

    /** Rejects an unknown engine, or a MergeTree engine without a sorting key. */
    static void check(EngineClause engine) {
        if (!NAMES.contains(engine.name())) {
            throw new ColumbaException(ErrorCode.UNKNOWN_STORAGE, "Unknown table engine " + engine.name());
        }
        if (engine.name().equals("Null")) {
            if (!engine.arguments().isEmpty()) {
                throw new ColumbaException(
                        ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Engine Null doesn't support any arguments");
            }
            return;
        }
        if (engine.orderBy() == null && engine.primaryKey() == null) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Table engine " + engine.name() + " requires ORDER BY or PRIMARY KEY clause");
        }
    }

    static TableEngine of(
            EngineClause engine,
            List<ColumnDeclaration> declarations,
            List<ColumnDefinition> columns,
            List<Expression> sortingKey) {
        List<Expression> arguments = engine.arguments();
        return switch (engine.name()) {
            case "Null" -> new TableEngine(MergingMode.ORDINARY, List.of(), true);
            case "MergeTree" -> {
                arguments(engine, 0, 0);
                yield plain(MergingMode.ORDINARY);
            }
            case "ReplacingMergeTree" -> {
                arguments(engine, 0, 2);
                int version = -1;
                boolean unsigned = false;
                if (!arguments.isEmpty()) {
                    version = column(engine, arguments.get(0), columns, "Version");
                    DataType type = columns.get(version).type();
                    if (!isVersionType(type)) {
                        throw new ColumbaException(
                                ErrorCode.BAD_TYPE_OF_FIELD,
                                "The column " + columns.get(version).name()
                                        + " cannot be used as a version column for storage ReplacingMergeTree"
                                        + " because it is of type " + type.name()
                                        + " (must be of an integer type or of type Date/DateTime/DateTime64)");
                    }
                    unsigned = type instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8;
                }
                int deleted = -1;
                if (arguments.size() == 2) {
                    deleted = column(engine, arguments.get(1), columns, "is_deleted");
                    if (!columns.get(deleted).type().equals(IntegerType.UINT8)) {
                        throw new ColumbaException(
                                ErrorCode.BAD_TYPE_OF_FIELD,
                                "is_deleted column (" + columns.get(deleted).name()
                                        + ") for storage ReplacingMergeTree must have type UInt8. Provided column"
                                        + " of type "
                                        + columns.get(deleted).type().name() + ".");
                    }
                }
                yield plain(new ReplacingMode(version, unsigned, deleted));
            }
            case "SummingMergeTree" -> {
                arguments(engine, 0, 1);
                yield plain(new SummingMode(summedColumns(engine, columns, sortingKey), typesOf(columns)));
            }
            case "AggregatingMergeTree" -> {
                arguments(engine, 0, 0);
                yield plain(new AggregatingMode(declarations));
            }
            case "CollapsingMergeTree" -> {
                arguments(engine, 1, 1);
                yield plain(new CollapsingMode(signColumn(engine, arguments.get(0), columns)));
            }
            case "VersionedCollapsingMergeTree" -> {
                arguments(engine, 2, 2);
                int sign = signColumn(engine, arguments.get(0), columns);
                column(engine, arguments.get(1), columns, "Version");
                yield new TableEngine(new VersionedCollapsingMode(sign), List.of(arguments.get(1)), false);
            }
            default -> throw new ColumbaException(ErrorCode.UNKNOWN_STORAGE, "Unknown table engine " + engine.name());
        };
    }

    private static TableEngine plain(MergingMode mode) {
        return new TableEngine(mode, List.of(), false);
    }

    private static void arguments(EngineClause engine, int min, int max) {
        int count = engine.arguments().size();
        if (count < min || count > max) {
            String expected = min == max ? "exactly " + min : min + " to " + max;
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Storage " + engine.name() + " requires " + expected + " parameters, " + count + " given");
        }
    }

    private static int column(EngineClause engine, Expression argument, List<ColumnDefinition> columns, String role) {
        if (!(argument instanceof Identifier identifier)) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS, role + " column for storage " + engine.name() + " must be a column name");
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(identifier.name())) {
                return i;
            }
        }
        throw new ColumbaException(
                ErrorCode.NO_SUCH_COLUMN_IN_TABLE,
                role + " column " + identifier.name() + " does not exist in table declaration.");
    }

    private static int signColumn(EngineClause engine, Expression argument, List<ColumnDefinition> columns) {
        int sign = column(engine, argument, columns, "Sign");
        if (!columns.get(sign).type().equals(IntegerType.INT8)) {
            throw new ColumbaException(
                    ErrorCode.BAD_TYPE_OF_FIELD,
                    "Sign column (" + columns.get(sign).name() + ") for storage " + engine.name()
                            + " must have type Int8. Provided column of type "
                            + columns.get(sign).type().name() + ".");
        }
        return sign;
    }

    private static boolean isVersionType(DataType type) {
        return (type instanceof IntegerType) || type instanceof DateType || type instanceof DateTimeType;
    }

    /**
     * The listed numeric columns, or every numeric column that is not itself an element of the sorting key (as in
     * ClickHouse, a column used only inside a key expression such as {@code intDiv(k, 10)} is summed).
     */
    private static int[] summedColumns(
            EngineClause engine, List<ColumnDefinition> columns, List<Expression> sortingKey) {
        List<Integer> summed = new ArrayList<>();
        if (!engine.arguments().isEmpty()) {
            for (Expression listed : Catalog.tupleElements(engine.arguments().get(0))) {
                int index = column(engine, listed, columns, "Summed");
                if (isSummable(columns.get(index).type())) {
                    summed.add(index);
                }
            }
        } else {
            Set<String> keyColumns = new HashSet<>();
            for (Expression key : sortingKey) {
                if (key instanceof Identifier identifier) {
                    keyColumns.add(identifier.name());
                }
            }
            for (int i = 0; i < columns.size(); i++) {
                if (isSummable(columns.get(i).type())
                        && !keyColumns.contains(columns.get(i).name())) {
                    summed.add(i);
                }
            }
        }
        return summed.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean isSummable(DataType type) {
        return type instanceof IntegerType || type instanceof FloatType;
    }

    private static List<DataType> typesOf(List<ColumnDefinition> columns) {
        return columns.stream().map(ColumnDefinition::type).toList();
    }
}
