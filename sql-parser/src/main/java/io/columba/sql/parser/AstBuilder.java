package io.columba.sql.parser;

import io.columba.sql.ast.Alias;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.InsertFunctionStatement;
import io.columba.sql.ast.InsertStatement;
import io.columba.sql.ast.ParallelWithStatement;
import io.columba.sql.ast.QueryElement;
import io.columba.sql.ast.SelectIntersectExcept;
import io.columba.sql.ast.SelectQuery;
import io.columba.sql.ast.SelectUnion;
import io.columba.sql.ast.Statement;
import io.columba.sql.parser.ClickHouseParser.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the ANTLR parse tree into the immutable AST, rewriting operators into ClickHouse's function calls. The work
 * is split by what is built: statements, SELECT queries, definitions (CREATE, INSERT) and expressions.
 */
final class AstBuilder {
    final String text;
    final String insertData;
    final StatementBuilder statements = new StatementBuilder(this);
    final SelectBuilder selects = new SelectBuilder(this);
    final DefinitionBuilder definitions = new DefinitionBuilder(this);
    final AlterBuilder alters = new AlterBuilder(this);
    final DictionaryBuilder dictionaries = new DictionaryBuilder(this);
    final ExpressionBuilder expressions = new ExpressionBuilder(this);
    /** How many window functions so far name a window ({@code OVER w}): a SELECT marks those it holds. */
    int namedWindowReferences;

    AstBuilder(String text, String insertData) {
        this.text = text;
        this.insertData = insertData;
    }

    Statement statement(StatementEofContext tree) {
        if (tree.statement().size() > 1) {
            List<Statement> parallel = new ArrayList<>(tree.statement().size());
            for (StatementContext each : tree.statement()) {
                parallel.add(statements.statement(each));
            }
            return new ParallelWithStatement(parallel);
        }
        Statement statement = statements.statement(tree.statement(0));
        if (insertData == null || tree.formatClause() == null) {
            return statement;
        }
        // INSERT ... SELECT ... FROM input() FORMAT name <data>: the SELECT reads the data in that format.
        String format = statements.format(tree.formatClause());
        return switch (statement) {
            case InsertStatement insert -> withData(insert, format);
            case InsertFunctionStatement insert ->
                new InsertFunctionStatement(insert.function(), insert.partitionBy(), withData(insert.rows(), format));
            default -> statement;
        };
    }

    /** {@code WITH ... INSERT INTO t SELECT ...}: the WITH belongs to every SELECT of the inserted query. */
    Statement withInsert(WithInsertEofContext tree) {
        List<Alias> with = new ArrayList<>();
        List<String> commonTableExpressions = new ArrayList<>();
        selects.withItems(tree.withClause(), with, commonTableExpressions);
        Statement statement = definitions.insert(tree.insert());
        InsertStatement insert =
                statement instanceof InsertFunctionStatement function ? function.rows() : (InsertStatement) statement;
        if (insert.select() == null) {
            throw definitions.syntaxError(
                    tree.insert().getStart(), "WITH stands before an INSERT only with a SELECT to insert");
        }
        InsertStatement withSelect = new InsertStatement(
                insert.database(),
                insert.table(),
                insert.columns(),
                insert.values(),
                insert.format(),
                insert.data(),
                withEach(insert.select(), with, commonTableExpressions),
                insert.settings(),
                insert.asteriskColumns(),
                insert.fromInfile(),
                insert.infileCompression());
        return statement instanceof InsertFunctionStatement function
                ? new InsertFunctionStatement(function.function(), function.partitionBy(), withSelect)
                : withSelect;
    }

    /** Every SELECT of a union under the WITH items before its own. */
    private static SelectUnion withEach(SelectUnion union, List<Alias> with, List<String> commonTableExpressions) {
        List<QueryElement> elements = new ArrayList<>();
        for (QueryElement element : union.elements()) {
            elements.add(
                    switch (element) {
                        case SelectQuery select ->
                            select.withWith(
                                    concat(with, select.with()),
                                    concat(commonTableExpressions, select.commonTableExpressions()));
                        case SelectUnion nested -> withEach(nested, with, commonTableExpressions);
                        case SelectIntersectExcept other -> other;
                    });
        }
        return new SelectUnion(elements, union.distinctUnions());
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private InsertStatement withData(InsertStatement insert, String format) {
        return new InsertStatement(
                insert.database(),
                insert.table(),
                insert.columns(),
                insert.values(),
                format,
                insertData,
                insert.select(),
                insert.settings(),
                insert.asteriskColumns(),
                insert.fromInfile(),
                insert.infileCompression());
    }

    Expression expr(ExprContext context) {
        return expressions.expression(context);
    }
}
