package io.columba.sql.parser;

import io.columba.sql.ast.Expression;
import io.columba.sql.ast.InsertFunctionStatement;
import io.columba.sql.ast.InsertStatement;
import io.columba.sql.ast.Statement;
import io.columba.sql.parser.ClickHouseParser.*;

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
        Statement statement = statements.statement(tree.statement());
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
                insert.asteriskColumns());
    }

    Expression expr(ExprContext context) {
        return expressions.expression(context);
    }
}
