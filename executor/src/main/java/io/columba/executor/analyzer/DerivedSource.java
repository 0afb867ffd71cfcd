package io.columba.executor.analyzer;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ColumnReference;
import io.columba.executor.expression.FunctionInvocation;
import io.columba.executor.operator.Operator;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A source whose columns are positions of blocks an opener produces ("internal" columns): several names may
 * reach one position ({@code a} and {@code t.a}). The opener gets the internal positions a query needs and returns
 * blocks of full internal width, where unneeded positions may hold placeholders.
 */
final class DerivedSource implements Source {
    private final List<String> names;
    private final List<DataType> types;
    private final List<Integer> targets;
    private final int visible;
    private final Function<Set<Integer>, Operator> opener;

    DerivedSource(
            List<String> names,
            List<DataType> types,
            List<Integer> targets,
            int visible,
            Function<Set<Integer>, Operator> opener) {
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
        this.targets = List.copyOf(targets);
        this.visible = visible;
        this.opener = opener;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public List<DataType> types() {
        return types;
    }

    @Override
    public boolean sameColumn(String a, String b) {
        int first = names.indexOf(a);
        int second = names.indexOf(b);
        return first >= 0 && second >= 0 && targets.get(first).equals(targets.get(second));
    }

    @Override
    public int visibleCount() {
        return visible;
    }

    @Override
    public Operator open(List<Integer> columns, BoundExpression where) {
        Set<Integer> needed = new TreeSet<>();
        for (int column : columns) {
            needed.add(targets.get(column));
        }
        Operator wide = opener.apply(needed);
        return () -> {
            Block block = wide.next();
            if (block == null) {
                return null;
            }
            List<Column> picked = new ArrayList<>(columns.size());
            for (int column : columns) {
                picked.add(block.column(targets.get(column)));
            }
            return new Block(block.rowCount(), picked);
        };
    }

    /**
     * Reads the {@code needed} columns of {@code source} as blocks of all its columns, the others constant
     * placeholders of their type's default.
     */
    static Operator openWide(Source source, Set<Integer> needed) {
        List<Integer> columns = List.copyOf(new TreeSet<>(needed));
        Operator narrow = source.open(columns, null);
        List<DataType> types = source.types();
        return () -> {
            Block block = narrow.next();
            if (block == null) {
                return null;
            }
            Column[] wide = new Column[types.size()];
            for (int i = 0; i < columns.size(); i++) {
                wide[columns.get(i)] = block.column(i);
            }
            for (int c = 0; c < wide.length; c++) {
                if (wide[c] == null) {
                    wide[c] = new ConstantColumn(ColumnBuilder.defaults(types.get(c), 1), block.rowCount());
                }
            }
            return new Block(block.rowCount(), List.of(wide));
        };
    }

    /** The input positions an expression reads. */
    static void collectColumns(BoundExpression expression, Set<Integer> columns) {
        switch (expression) {
            case ColumnReference reference -> columns.add(reference.index());
            case FunctionInvocation invocation -> {
                for (BoundExpression argument : invocation.arguments()) {
                    collectColumns(argument, columns);
                }
            }
            default -> {}
        }
    }
}
