package io.columba.sql.explain;

import io.columba.sql.ast.AdministrationStatement;
import io.columba.sql.ast.AlterCommand;
import io.columba.sql.ast.AlterStatement;
import io.columba.sql.ast.ColumnDeclaration;
import io.columba.sql.ast.ConstraintDeclaration;
import io.columba.sql.ast.CreateDatabaseStatement;
import io.columba.sql.ast.CreateDictionaryStatement;
import io.columba.sql.ast.CreateFunctionStatement;
import io.columba.sql.ast.CreateIndexStatement;
import io.columba.sql.ast.CreateTableStatement;
import io.columba.sql.ast.CreateViewStatement;
import io.columba.sql.ast.DeleteStatement;
import io.columba.sql.ast.DescribeSourceStatement;
import io.columba.sql.ast.DescribeStatement;
import io.columba.sql.ast.DropStatement;
import io.columba.sql.ast.DropTableStatement;
import io.columba.sql.ast.DropTablesStatement;
import io.columba.sql.ast.EngineClause;
import io.columba.sql.ast.ExchangeStatement;
import io.columba.sql.ast.ExistsStatement;
import io.columba.sql.ast.ExplainStatement;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Identifier;
import io.columba.sql.ast.IndexDeclaration;
import io.columba.sql.ast.InsertFunctionStatement;
import io.columba.sql.ast.InsertStatement;
import io.columba.sql.ast.KillStatement;
import io.columba.sql.ast.OptimizeStatement;
import io.columba.sql.ast.ParallelWithStatement;
import io.columba.sql.ast.ProjectionDeclaration;
import io.columba.sql.ast.QueryElement;
import io.columba.sql.ast.RenameStatement;
import io.columba.sql.ast.SelectQuery;
import io.columba.sql.ast.SelectStatement;
import io.columba.sql.ast.SetStatement;
import io.columba.sql.ast.ShowObjectsStatement;
import io.columba.sql.ast.ShowTablesStatement;
import io.columba.sql.ast.Statement;
import io.columba.sql.ast.SystemStatement;
import io.columba.sql.ast.TableCommandStatement;
import io.columba.sql.ast.TableReference;
import io.columba.sql.ast.TruncateStatement;
import io.columba.sql.ast.UpdateStatement;
import io.columba.sql.ast.UseStatement;
import io.columba.sql.parser.SqlParser;
import java.util.ArrayList;
import java.util.List;

/** Statements other than SELECT, with ClickHouse's ids ({@code DropQuery db table}, {@code InsertQuery}, ...). */
final class StatementExplainer {
    private final QueryExplainer queries;

    private final AlterExplainer alters;
    private final AdministrationExplainer administrations;

    StatementExplainer(QueryExplainer queries) {
        this.queries = queries;
        this.alters = new AlterExplainer(this, queries.expressions);
        this.administrations = new AdministrationExplainer(queries.expressions);
    }

    QueryExplainer queries() {
        return queries;
    }

    ExplainNode statement(Statement statement) {
        return switch (statement) {
            case SelectStatement select ->
                queries.union(select.query(), select.outputFile(), select.format(), select.settings());
            case DropTableStatement drop -> tableQuery("DropQuery", drop.database(), drop.table());
            case ParallelWithStatement parallel -> parallelWith(parallel);
            case TruncateStatement truncate -> tableQuery("TruncateQuery", truncate.database(), truncate.table());
            case OptimizeStatement optimize -> optimize(optimize);
            case DropTablesStatement drop -> {
                List<ExplainNode> tables = new ArrayList<>();
                for (TableReference table : drop.tables()) {
                    tables.add(queries.tableExpression(table).children().get(0));
                }
                yield ExplainNode.of("DropQuery  ", ExplainNode.of("ExpressionList", tables));
            }
            case UpdateStatement update -> update(update);
            case ExistsStatement exists ->
                withFormat(tableQuery("ExistsTableQuery", exists.database(), exists.table()), exists.format());
            case DescribeStatement describe ->
                withFormat(
                        ExplainNode.of(
                                "DescribeQuery",
                                queries.tableExpression(
                                        new TableReference(describe.database(), describe.table(), false, null))),
                        describe.format());
            case DescribeSourceStatement describe -> {
                ExplainNode node = withFormat(
                        ExplainNode.of("DescribeQuery", queries.tableExpression(describe.source())), describe.format());
                yield describe.settings().isEmpty()
                        ? node
                        : ExplainNode.of(node.id(), append(node.children(), ExplainNode.leaf("Set")));
            }
            case ShowTablesStatement show -> withFormat(ExplainNode.leaf("ShowTables"), show.format());
            case RenameStatement rename -> rename(rename);
            case ExchangeStatement exchange ->
                ExplainNode.of("Rename", identifier(exchange.first()), identifier(exchange.second()));
            case SetStatement ignored -> ExplainNode.leaf("Set");
            case DeleteStatement delete -> {
                ExplainNode table = tableQuery("DeleteQuery", delete.database(), delete.table());
                List<ExplainNode> children = new ArrayList<>();
                children.add(queries.expressions.expression(delete.where()));
                children.addAll(table.children());
                if (!delete.settings().isEmpty()) {
                    children.add(ExplainNode.leaf("Set"));
                }
                yield ExplainNode.of(table.id(), children);
            }
            case AlterStatement alter -> alter(alter);
            case AdministrationStatement administration -> AdministrationExplainer.administration(administration);
            case KillStatement kill -> administrations.kill(kill);
            case ShowObjectsStatement show -> administrations.showObjects(show);
            case CreateFunctionStatement create -> administrations.createFunction(create);
            case CreateIndexStatement create -> {
                ExplainNode table = tableQuery("CreateIndexQuery", create.database(), create.table());
                List<ExplainNode> children = new ArrayList<>();
                children.add(identifier(create.index().name()));
                children.add(index(create.index()));
                children.addAll(table.children());
                yield ExplainNode.of(table.id(), children);
            }
            case InsertStatement insert -> insert(insert);
            case InsertFunctionStatement insert -> insertFunction(insert);
            case CreateTableStatement create -> create(create);
            case CreateViewStatement create -> createView(create);
            case CreateDictionaryStatement create -> new DictionaryExplainer(queries.expressions).create(create);
            case CreateDatabaseStatement create -> createDatabase(create);
            case ExplainStatement explain -> explain(explain);
            case UseStatement use -> ExplainNode.of("UseQuery " + use.database(), identifier(use.database()));
            case TableCommandStatement command -> tableCommand(command);
            case SystemStatement system -> system(system);
            case DropStatement drop ->
                drop.kind() == DropStatement.Kind.DATABASE
                        ? ExplainNode.of("DropQuery " + drop.name() + " ", identifier(drop.name()))
                        : tableQuery("DropQuery", drop.database(), drop.name());
        };
    }

    /** The partition first, then the table, as ClickHouse lists them. */
    /** {@code ParallelWithQuery}: its id counts the statements and names the first by its id, spaces as '_'. */
    private ExplainNode parallelWith(ParallelWithStatement parallel) {
        List<ExplainNode> children = new ArrayList<>(parallel.statements().size());
        for (Statement each : parallel.statements()) {
            children.add(statement(each));
        }
        String first = children.get(0).id().replace(' ', '_');
        return ExplainNode.of("ParallelWithQuery " + children.size() + " " + first, children);
    }

    private ExplainNode optimize(OptimizeStatement optimize) {
        // The id tells FINAL, DEDUPLICATE and CLEANUP; the columns of DEDUPLICATE BY are no child.
        String name = optimize.table()
                + (optimize.fin() ? "_final" : "")
                + (optimize.deduplicate() ? "_deduplicate" : "")
                + (optimize.cleanup() ? "_cleanup" : "");
        ExplainNode table = tableQuery("OptimizeQuery", optimize.database(), optimize.table(), name);
        List<ExplainNode> children = new ArrayList<>();
        if (optimize.partition() != null) {
            children.add(alters.partition(optimize.partition()));
        }
        children.addAll(table.children());
        if (!optimize.settings().isEmpty()) {
            children.add(ExplainNode.leaf("Set"));
        }
        return ExplainNode.of(table.id(), children);
    }

    private ExplainNode update(UpdateStatement update) {
        ExplainNode table = tableQuery("UpdateQuery", update.database(), update.table());
        List<ExplainNode> children = new ArrayList<>(table.children());
        if (update.partition() != null) {
            children.add(alters.partition(update.partition()));
        }
        children.add(queries.expressions.expression(update.where()));
        children.add(alters.assignments(update.columns(), update.values()));
        if (!update.settings().isEmpty()) {
            children.add(ExplainNode.leaf("Set"));
        }
        return ExplainNode.of(table.id(), children);
    }

    private static ExplainNode tableCommand(TableCommandStatement command) {
        return switch (command.command()) {
            case DETACH -> tableQuery("DetachQuery", command.database(), command.table());
            case SHOW_CREATE -> tableQuery("ShowCreateTableQuery", command.database(), command.table());
            case SHOW_CREATE_DICTIONARY -> tableQuery("ShowCreateDictionaryQuery", command.database(), command.table());
            case CHECK -> tableQuery("CheckQuery", command.database(), command.table());
            case ATTACH -> {
                ExplainNode detached = tableQuery("AttachQuery", command.database(), command.table());
                String name = (command.database() == null ? "" : command.database() + " ") + command.table();
                yield ExplainNode.of("AttachQuery " + name, detached.children());
            }
        };
    }

    private ExplainNode explain(ExplainStatement explain) {
        String kind = explain.kind().equals("PLAN") ? "EXPLAIN" : "EXPLAIN " + explain.kind();
        List<ExplainNode> children = new ArrayList<>();
        if (!explain.settings().isEmpty()) {
            children.add(ExplainNode.leaf("Set"));
        }
        if (explain.statement() instanceof SelectStatement select && select.format() != null) {
            // The FORMAT of an explained SELECT is the EXPLAIN's own.
            children.add(queries.union(select.query(), null, select.settings()));
            children.add(identifier(select.format()));
        } else {
            children.add(statement(explain.statement()));
        }
        return ExplainNode.of("Explain " + kind, children);
    }

    /** The table of a SYSTEM command; ClickHouse lists it twice for dictionaries and Distributed tables. */
    private static ExplainNode system(SystemStatement system) {
        if (system.table() == null) {
            return ExplainNode.leaf("SYSTEM query");
        }
        List<ExplainNode> children = new ArrayList<>();
        boolean twice =
                system.command().contains("DICTIONARY") || system.command().contains("DISTRIBUTED");
        for (int copy = 0; copy < (twice ? 2 : 1); copy++) {
            if (system.database() != null) {
                children.add(identifier(system.database()));
            }
            children.add(identifier(system.table()));
        }
        return ExplainNode.of("SYSTEM query", children);
    }

    /** {@code Kind db table} over the database and table identifiers. */
    private static ExplainNode tableQuery(String kind, String database, String table) {
        return tableQuery(kind, database, table, table);
    }

    private static ExplainNode tableQuery(String kind, String database, String table, String idTable) {
        List<ExplainNode> children = new ArrayList<>(2);
        if (database != null) {
            children.add(identifier(database));
        }
        children.add(identifier(table));
        return ExplainNode.of(kind + " " + (database == null ? "" : database) + " " + idTable, children);
    }

    private static ExplainNode withFormat(ExplainNode node, String format) {
        if (format == null) {
            return node;
        }
        List<ExplainNode> children = new ArrayList<>(node.children());
        children.add(identifier(format));
        return ExplainNode.of(node.id(), children);
    }

    private static List<ExplainNode> append(List<ExplainNode> nodes, ExplainNode last) {
        List<ExplainNode> all = new ArrayList<>(nodes);
        all.add(last);
        return all;
    }

    static ExplainNode identifier(String name) {
        return ExpressionExplainer.name("Identifier", name);
    }

    private static ExplainNode rename(RenameStatement rename) {
        List<ExplainNode> children = new ArrayList<>();
        for (int i = 0; i < rename.from().size(); i++) {
            children.add(identifier(rename.from().get(i)));
            children.add(identifier(rename.to().get(i)));
        }
        return ExplainNode.of("Rename", children);
    }

    private ExplainNode alter(AlterStatement alter) {
        List<ExplainNode> commands = new ArrayList<>();
        for (AlterCommand command : alter.commands()) {
            commands.add(alters.command(command));
        }
        ExplainNode table = tableQuery("AlterQuery", alter.database(), alter.table());
        List<ExplainNode> children = new ArrayList<>();
        children.add(ExplainNode.of("ExpressionList", commands));
        children.addAll(table.children());
        if (!alter.settings().isEmpty()) {
            children.add(ExplainNode.leaf("Set"));
        }
        return ExplainNode.of(table.id(), children);
    }

    private ExplainNode insert(InsertStatement insert) {
        List<ExplainNode> target = new ArrayList<>();
        if (insert.database() != null) {
            target.add(identifier(insert.database()));
        }
        target.add(identifier(insert.table()));
        return insert(target, insert);
    }

    private ExplainNode insertFunction(InsertFunctionStatement insert) {
        List<ExplainNode> target = new ArrayList<>();
        target.add(queries.expressions.expression(insert.function()));
        if (insert.partitionBy() != null) {
            target.add(queries.expressions.expression(insert.partitionBy()));
        }
        return insert(target, insert.rows());
    }

    /** {@code InsertQuery} over its target, the columns, the SELECT and the settings written before the data. */
    private ExplainNode insert(List<ExplainNode> target, InsertStatement insert) {
        List<ExplainNode> children = new ArrayList<>();
        if (insert.fromInfile() != null) {
            children.add(ExplainNode.leaf("Literal " + LiteralDump.quoted(insert.fromInfile())));
        }
        if (insert.infileCompression() != null) {
            children.add(ExplainNode.leaf("Literal " + LiteralDump.quoted(insert.infileCompression())));
        }
        children.addAll(target);
        if (insert.asteriskColumns()) {
            children.add(ExplainNode.of("ExpressionList", List.of(ExplainNode.leaf("Asterisk"))));
        } else if (!insert.columns().isEmpty()) {
            children.add(queries.expressions.list(
                    insert.columns().stream().map(Identifier::of).toList()));
        }
        boolean settings = !insert.settings().isEmpty();
        if (insert.select() != null) {
            children.add(queries.union(insert.select()));
            List<QueryElement> elements = insert.select().elements();
            settings |= elements.get(elements.size() - 1) instanceof SelectQuery last
                    && !last.settings().isEmpty();
        }
        if (settings) {
            children.add(ExplainNode.leaf("Set"));
        }
        return ExplainNode.of("InsertQuery  ", children);
    }

    private ExplainNode create(CreateTableStatement create) {
        List<ExplainNode> children = new ArrayList<>();
        if (create.database() != null) {
            children.add(identifier(create.database()));
        }
        children.add(identifier(create.table()));
        if (!create.columns().isEmpty()
                || !create.indexes().isEmpty()
                || !create.constraints().isEmpty()
                || !create.projections().isEmpty()) {
            children.add(columnsDefinition(create));
        }
        if (create.asTableFunction() != null) {
            children.add(queries.expressions.expression(create.asTableFunction()));
        }
        if (create.engine() != null) {
            children.add(engine(create.engine(), create.columnsPrimaryKey() != null));
        }
        if (create.asSelect() != null) {
            children.add(queries.union(create.asSelect()));
        }
        String name = (create.database() == null ? "" : create.database() + " ") + create.table();
        return ExplainNode.of((create.attach() ? "AttachQuery " : "CreateQuery ") + name, children);
    }

    private ExplainNode createView(CreateViewStatement create) {
        List<ExplainNode> children = new ArrayList<>();
        if (create.database() != null) {
            children.add(identifier(create.database()));
        }
        children.add(identifier(create.name()));
        if (!create.columns().isEmpty()) {
            children.add(columnsDefinition(create.columns(), List.of()));
        }
        children.add(queries.union(create.query()));
        if (create.materialized()) {
            children.add(
                    create.engine() == null
                            ? ExplainNode.leaf("ViewTargets")
                            : ExplainNode.of("ViewTargets", engine(create.engine())));
        }
        String name = (create.database() == null ? "" : create.database() + " ") + create.name();
        return ExplainNode.of("CreateQuery " + name, children);
    }

    private ExplainNode createDatabase(CreateDatabaseStatement create) {
        List<ExplainNode> children = new ArrayList<>();
        children.add(identifier(create.name()));
        if (create.engine() != null) {
            children.add(engine(create.engine()));
        }
        return ExplainNode.of("CreateQuery " + create.name() + " ", children);
    }

    private ExplainNode columnsDefinition(CreateTableStatement create) {
        ExplainNode definition = columnsDefinition(create.columns(), create.indexes());
        List<ExplainNode> children = new ArrayList<>(definition.children());
        if (!create.constraints().isEmpty()) {
            List<ExplainNode> constraints = new ArrayList<>();
            for (ConstraintDeclaration constraint : create.constraints()) {
                constraints.add(ExplainNode.of("Constraint", queries.expressions.expression(constraint.expression())));
            }
            children.add(ExplainNode.of("ExpressionList", constraints));
        }
        if (!create.projections().isEmpty()) {
            List<ExplainNode> projections = new ArrayList<>();
            for (ProjectionDeclaration projection : create.projections()) {
                projections.add(projection(projection));
            }
            children.add(ExplainNode.of("ExpressionList", projections));
        }
        if (create.columnsPrimaryKey() != null) {
            children.add(queries.expressions.expression(create.columnsPrimaryKey()));
        }
        return ExplainNode.of(definition.id(), children);
    }

    private ExplainNode columnsDefinition(List<ColumnDeclaration> declarations, List<IndexDeclaration> indexList) {
        List<ExplainNode> columns = new ArrayList<>();
        for (ColumnDeclaration column : declarations) {
            columns.add(column(column));
        }
        List<ExplainNode> definition = new ArrayList<>();
        if (!columns.isEmpty()) {
            definition.add(ExplainNode.of("ExpressionList", columns));
        }
        if (!indexList.isEmpty()) {
            List<ExplainNode> indexes = new ArrayList<>();
            for (IndexDeclaration index : indexList) {
                indexes.add(index(index));
            }
            definition.add(ExplainNode.of("ExpressionList", indexes));
        }
        return ExplainNode.of("Columns definition", definition);
    }

    ExplainNode index(IndexDeclaration index) {
        if (index.type() == null) {
            return ExplainNode.of("Index", queries.expressions.expression(index.expression()));
        }
        return ExplainNode.of("Index", queries.expressions.expression(index.expression()), indexType(index.type()));
    }

    /** {@code Projection} over a {@code ProjectionSelectQuery}: the columns, then GROUP BY and ORDER BY keys. */
    ExplainNode projection(ProjectionDeclaration projection) {
        ExpressionExplainer expressions = queries.expressions;
        List<ExplainNode> children = new ArrayList<>();
        children.add(expressions.list(projection.columns()));
        if (!projection.groupBy().isEmpty()) {
            children.add(expressions.list(projection.groupBy()));
        }
        if (projection.orderBy().size() == 1) {
            children.add(expressions.expression(projection.orderBy().get(0)));
        } else if (!projection.orderBy().isEmpty()) {
            children.add(ExplainNode.of("Function tuple", expressions.list(projection.orderBy())));
        }
        return ExplainNode.of("Projection", ExplainNode.of("ProjectionSelectQuery", children));
    }

    /**
     * A skipping index's type ({@code minmax}, {@code bloom_filter(0.01)}, {@code text(tokenizer = 'x')}) is an
     * expression: a function, with parentheses or not.
     */
    ExplainNode indexType(String text) {
        Expression type = SqlParser.parseExpression(text);
        if (type instanceof Identifier name) {
            return ExplainNode.of("Function " + name.fullName(), ExplainNode.leaf("ExpressionList"));
        }
        return queries.expressions.expression(type);
    }

    private ExplainNode engine(EngineClause engine) {
        return engine(engine, false);
    }

    /** {@code keyFromColumns}: the primary key is written among the columns, and ClickHouse adds it last. */
    private ExplainNode engine(EngineClause engine, boolean keyFromColumns) {
        ExpressionExplainer expressions = queries.expressions;
        List<ExplainNode> children = new ArrayList<>();
        if (engine.name() != null) {
            children.add(engineFunction(engine));
        }
        Expression primaryKey = keyFromColumns ? null : engine.primaryKey();
        for (var clause :
                java.util.Arrays.asList(engine.partitionBy(), primaryKey, engine.orderBy(), engine.sampleBy())) {
            if (clause == engine.orderBy() && clause != null && engine.orderByWithDirections()) {
                children.add(sortingKeyWithDirections(engine));
            } else if (clause != null) {
                children.add(expressions.expression(clause));
            }
        }
        if (!engine.ttl().isEmpty()) {
            children.add(alters.ttl(engine.ttl()));
        }
        if (!engine.settings().isEmpty()) {
            children.add(ExplainNode.leaf("Set"));
        }
        if (keyFromColumns) {
            children.add(expressions.expression(engine.primaryKey()));
        }
        return ExplainNode.of("Storage definition", children);
    }

    /**
     * A sorting key written with directions: one element is a {@code StorageOrderByElement}; a tuple of them
     * ClickHouse prints as a bare {@code Function tuple}.
     */
    private ExplainNode sortingKeyWithDirections(EngineClause engine) {
        if (engine.orderByDescending().size() > 1
                || engine.orderBy() instanceof FunctionCall call && call.name().equals("tuple")) {
            return ExplainNode.leaf("Function tuple");
        }
        return ExplainNode.of("StorageOrderByElement", queries.expressions.expression(engine.orderBy()));
    }

    private ExplainNode engineFunction(EngineClause engine) {
        return !engine.parenthesized()
                ? ExplainNode.leaf("Function " + engine.name())
                : ExplainNode.of("Function " + engine.name(), queries.expressions.list(engine.arguments()));
    }

    ExplainNode column(ColumnDeclaration column) {
        List<ExplainNode> children = new ArrayList<>();
        if (column.type() != null) {
            children.add(DataTypeExplainer.type(column.type()));
        }
        if (column.defaultExpression() != null) {
            children.add(queries.expressions.expression(column.defaultExpression()));
        }
        if (column.comment() != null) {
            children.add(ExplainNode.leaf("Literal " + LiteralDump.quoted(column.comment())));
        }
        if (!column.codecs().isEmpty()) {
            List<ExplainNode> codecs = new ArrayList<>();
            for (String codec : column.codecs()) {
                codecs.add(DataTypeExplainer.codec(codec));
            }
            children.add(ExplainNode.of("Function CODEC", ExplainNode.of("ExpressionList", codecs)));
        }
        if (!column.statistics().isEmpty()) {
            List<ExplainNode> types = new ArrayList<>();
            for (Expression type : column.statistics()) {
                types.add(
                        type instanceof Identifier name
                                ? ExplainNode.leaf("Function " + name.fullName())
                                : queries.expressions.expression(type));
            }
            children.add(ExplainNode.of("Function STATISTICS", ExplainNode.of("ExpressionList", types)));
        }
        if (column.ttl() != null) {
            children.add(queries.expressions.expression(column.ttl()));
        }
        return ExplainNode.of("ColumnDeclaration " + column.name(), children);
    }
}
