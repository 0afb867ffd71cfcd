package io.columba.sql.ast;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a CREATE TABLE statement back as SQL that parses to the same statement: how the catalog stores a table's
 * definition after ALTER TABLE or RENAME changed it.
 */
public final class CreateTableFormatter {
    private CreateTableFormatter() {}

    public static String format(CreateTableStatement create) {
        StringBuilder out = new StringBuilder("CREATE TABLE ");
        out.append(quote(create.table())).append("\n(\n");
        List<ColumnDeclaration> columns = create.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnDeclaration column = columns.get(i);
            out.append("    ").append(quote(column.name())).append(' ').append(column.type());
            if (column.defaultExpression() != null) {
                out.append(" DEFAULT ").append(ExpressionFormatter.format(column.defaultExpression()));
            }
            if (column.comment() != null) {
                out.append(" COMMENT ").append(ExpressionFormatter.format(Literal.ofString(column.comment())));
            }
            if (!column.codecs().isEmpty()) {
                out.append(" CODEC(").append(String.join(", ", column.codecs())).append(')');
            }
            if (column.ttl() != null) {
                out.append(" TTL ").append(ExpressionFormatter.format(column.ttl()));
            }
            out.append(i + 1 < columns.size() || !create.indexes().isEmpty() ? ",\n" : "\n");
        }
        List<IndexDeclaration> indexes = create.indexes();
        for (int i = 0; i < indexes.size(); i++) {
            IndexDeclaration index = indexes.get(i);
            out.append("    INDEX ")
                    .append(quote(index.name()))
                    .append(' ')
                    .append(ExpressionFormatter.format(index.expression()))
                    .append(" TYPE ")
                    .append(index.type())
                    .append(" GRANULARITY ")
                    .append(index.granularity())
                    .append(i + 1 < indexes.size() ? ",\n" : "\n");
        }
        out.append(')');
        EngineClause engine = create.engine();
        if (engine != null) {
            out.append("\nENGINE = ").append(engine.name());
            if (!engine.arguments().isEmpty() || !engine.name().equals("Null")) {
                out.append('(');
                for (int i = 0; i < engine.arguments().size(); i++) {
                    out.append(i > 0 ? ", " : "")
                            .append(ExpressionFormatter.format(
                                    engine.arguments().get(i)));
                }
                out.append(')');
            }
            clause(out, "PARTITION BY", engine.partitionBy());
            clause(out, "ORDER BY", engine.orderBy());
            clause(out, "PRIMARY KEY", engine.primaryKey());
            clause(out, "SAMPLE BY", engine.sampleBy());
            for (int i = 0; i < engine.ttl().size(); i++) {
                TtlRule rule = engine.ttl().get(i);
                out.append(i == 0 ? "\nTTL " : ", ").append(ExpressionFormatter.format(rule.expression()));
                if (rule.move() != null) {
                    out.append(" TO ").append(rule.move());
                }
                if (rule.where() != null) {
                    out.append(" WHERE ").append(ExpressionFormatter.format(rule.where()));
                }
            }
            if (!engine.settings().isEmpty()) {
                out.append("\nSETTINGS ");
                String separator = "";
                for (Map.Entry<String, Expression> setting : new TreeMap<>(engine.settings()).entrySet()) {
                    out.append(separator)
                            .append(setting.getKey())
                            .append(" = ")
                            .append(ExpressionFormatter.format(setting.getValue()));
                    separator = ", ";
                }
            }
        }
        return out.toString();
    }

    private static void clause(StringBuilder out, String keyword, Expression expression) {
        if (expression != null) {
            out.append('\n').append(keyword).append(' ').append(ExpressionFormatter.format(expression));
        }
    }

    /** A name in backquotes, with backquotes and backslashes escaped. */
    public static String quote(String name) {
        return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }
}
