package io.columba.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.sql.ast.AdministrationStatement;
import io.columba.sql.ast.AlterCommand;
import io.columba.sql.ast.AlterStatement;
import io.columba.sql.ast.Asterisk;
import io.columba.sql.ast.ColumnTransformer;
import io.columba.sql.ast.CreateDictionaryStatement;
import io.columba.sql.ast.CreateTableStatement;
import io.columba.sql.ast.DescribeSourceStatement;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.sql.ast.InsertFunctionStatement;
import io.columba.sql.ast.InsertStatement;
import io.columba.sql.ast.OrderByElement;
import io.columba.sql.ast.SelectQuery;
import io.columba.sql.ast.SelectStatement;
import io.columba.sql.ast.SubqueryTable;
import io.columba.sql.ast.TableReference;
import io.columba.sql.explain.ExplainAstPrinter;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statements and clauses beyond plain SELECT: what the AST keeps of them, and how they print. */
class StatementParsingTest {
    @Test
    void createDictionaryKeepsItsAttributesAndKeyValueClausesInAnyOrder() {
        CreateDictionaryStatement dictionary = (CreateDictionaryStatement) SqlParser.parse("""
                CREATE DICTIONARY IF NOT EXISTS db.d (id UInt64, name String DEFAULT '' EXPRESSION upper(n) INJECTIVE)
                PRIMARY KEY id
                LAYOUT(HASHED())
                SOURCE(CLICKHOUSE(HOST 'localhost' PORT 9000 TABLE 'src'))
                LIFETIME(MIN 1 MAX 10)
                COMMENT 'names'""");
        assertThat(dictionary.ifNotExists()).isTrue();
        assertThat(dictionary.database()).isEqualTo("db");
        assertThat(dictionary.attributes())
                .extracting(CreateDictionaryStatement.Attribute::name)
                .containsExactly("id", "name");
        assertThat(dictionary.attributes().get(1).flags()).containsExactly("INJECTIVE");
        assertThat(ExpressionFormatter.format(dictionary.attributes().get(1).expression()))
                .isEqualTo("upper(n)");
        assertThat(dictionary.source().name()).isEqualTo("clickhouse");
        assertThat(dictionary.source().pairs())
                .extracting(CreateDictionaryStatement.KeyValue::key)
                .containsExactly("host", "port", "table");
        assertThat(dictionary.layout().name()).isEqualTo("hashed");
        assertThat(dictionary.lifetime()).isEqualTo(new CreateDictionaryStatement.Lifetime(1, 10));
        assertThat(dictionary.comment()).isEqualTo("names");
        assertThatThrownBy(() -> SqlParser.parse("CREATE DICTIONARY d (id UInt64) LIFETIME(MIN 'a' MAX 1)"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("(line 1, col 33)");
    }

    @Test
    void insertThroughATableFunctionKeepsItsPartitionKeyAndRows() {
        InsertFunctionStatement insert = (InsertFunctionStatement) SqlParser.parse(
                "INSERT INTO TABLE FUNCTION s3('http://x/{_partition_id}.csv') PARTITION BY a % 2 VALUES (1), (2)");
        assertThat(ExpressionFormatter.format(insert.function())).isEqualTo("s3('http://x/{_partition_id}.csv')");
        assertThat(ExpressionFormatter.format(insert.partitionBy())).isEqualTo("modulo(a, 2)");
        assertThat(insert.rows().values()).hasSize(2);
        InsertStatement withSettings =
                (InsertStatement) SqlParser.parse("INSERT INTO t SETTINGS async_insert = 1 VALUES (1)");
        assertThat(withSettings.settings()).containsOnlyKeys("async_insert");
        assertThat(ExplainAstPrinter.print(withSettings))
                .isEqualTo("InsertQuery   (children 2)\n Identifier t\n Set\n");
    }

    @Test
    void orderByKeepsCollationAndFillBoundsAndLimitKeepsTies() {
        SelectQuery select = query(
                "SELECT d FROM t ORDER BY d WITH FILL FROM 1 TO 10 STEP 2, s COLLATE 'ru' INTERPOLATE (v AS v + 1) LIMIT 3 WITH TIES");
        OrderByElement first = select.orderBy().get(0);
        assertThat(ExpressionFormatter.format(first.fill().from())).isEqualTo("1");
        assertThat(ExpressionFormatter.format(first.fill().to())).isEqualTo("10");
        assertThat(ExpressionFormatter.format(first.fill().step())).isEqualTo("2");
        assertThat(first.fill().staleness()).isNull();
        assertThat(select.orderBy().get(1).collation()).isEqualTo("ru");
        assertThat(select.orderBy().get(1).fill()).isNull();
        assertThat(select.interpolate()).hasSize(1);
        assertThat(select.limitWithTies()).isTrue();
        assertThat(query("SELECT 1 LIMIT 3").limitWithTies()).isFalse();
    }

    @Test
    void columnTransformersBelongToTheirAsteriskInOrder() {
        Asterisk asterisk = (Asterisk) query("SELECT t.* EXCEPT (a, b) REPLACE (x + 1 AS x) APPLY (sum) FROM t")
                .columns()
                .get(0);
        assertThat(asterisk.qualifier()).isEqualTo("t");
        assertThat(asterisk.transformers())
                .hasExactlyElementsOfTypes(
                        ColumnTransformer.Except.class, ColumnTransformer.Replace.class, ColumnTransformer.Apply.class);
        assertThat(((ColumnTransformer.Except) asterisk.transformers().get(0)).columns())
                .containsExactly("a", "b");
        assertThat(((Asterisk) query("SELECT * FROM t").columns().get(0)).transformers())
                .isEmpty();
    }

    @Test
    void alterCommandsOnPartitionsIndexesAndSettingsKeepWhatTheyName() {
        AlterStatement alter = (AlterStatement) SqlParser.parse(
                "ALTER TABLE t DETACH PARTITION ID 'all', DROP PART 'p_1_1_0', ADD INDEX i x TYPE minmax GRANULARITY 2,"
                        + " MATERIALIZE INDEX i IN PARTITION 202401, MODIFY SETTING index_granularity = 10, FREEZE");
        List<AlterCommand> commands = alter.commands();
        assertThat(commands.get(0))
                .isEqualTo(new AlterCommand.PartitionCommand(
                        AlterCommand.PartitionAction.DETACH,
                        new AlterCommand.Partition(null, "all", null),
                        null,
                        null));
        assertThat(((AlterCommand.PartitionCommand) commands.get(1)).partition().part())
                .isEqualTo("p_1_1_0");
        assertThat(((AlterCommand.IndexCommand) commands.get(2)).index().granularity())
                .isEqualTo(2);
        AlterCommand.IndexCommand materialize = (AlterCommand.IndexCommand) commands.get(3);
        assertThat(materialize.action()).isEqualTo(AlterCommand.Action.MATERIALIZE);
        assertThat(ExpressionFormatter.format(materialize.partition().value())).isEqualTo("202401");
        assertThat(((AlterCommand.ModifySettings) commands.get(4)).settings()).containsOnlyKeys("index_granularity");
        assertThat(((AlterCommand.TableCommand) commands.get(5)).action())
                .isEqualTo(AlterCommand.TableAction.FREEZE_ALL);
        assertThatThrownBy(() -> SqlParser.parse("ALTER TABLE t DROP PARTITION IDS 'x'"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("(line 1, col 30)");
    }

    @Test
    void sampleRatiosAreFractionsAsWritten() {
        TableReference table =
                (TableReference) query("SELECT 1 FROM t SAMPLE 0.1 OFFSET 1/2").from();
        assertThat(table.sample().ratio()).isEqualTo(new TableReference.Ratio(BigInteger.ONE, BigInteger.TEN));
        assertThat(table.sample().offset()).isEqualTo(new TableReference.Ratio(BigInteger.ONE, BigInteger.TWO));
        assertThat(ExplainAstPrinter.print(SqlParser.parse("SELECT 1 FROM t SAMPLE 1000")))
                .contains(" SampleRatio 1000\n");
    }

    @Test
    void describeOfAQueryAndTablesWithProjectionsAndFunctions() {
        DescribeSourceStatement describe = (DescribeSourceStatement) SqlParser.parse("DESC (SELECT 1 AS x)");
        assertThat(describe.source()).isInstanceOf(SubqueryTable.class);
        CreateTableStatement create = (CreateTableStatement)
                SqlParser.parse("CREATE TABLE t (a Int32 NULL, b String, PROJECTION p (SELECT a, count() GROUP BY a),"
                        + " CONSTRAINT c CHECK a > 0) ENGINE = MergeTree ORDER BY a");
        assertThat(create.columns().get(0).type()).isEqualTo("Nullable(Int32)");
        assertThat(create.projections()).singleElement().satisfies(projection -> {
            assertThat(projection.name()).isEqualTo("p");
            assertThat(projection.groupBy())
                    .extracting(ExpressionFormatter::format)
                    .containsExactly("a");
        });
        assertThat(create.constraints())
                .singleElement()
                .satisfies(constraint -> assertThat(constraint.name()).isEqualTo("c"));
        CreateTableStatement asFunction = (CreateTableStatement) SqlParser.parse("CREATE TABLE t AS numbers(10)");
        assertThat(ExpressionFormatter.format(asFunction.asTableFunction())).isEqualTo("numbers(10)");
    }

    @Test
    void accessControlAndTransactionsAreRecognizedWithClickHousesIds() {
        AdministrationStatement grant = (AdministrationStatement) SqlParser.parse("GRANT SELECT ON db.* TO u");
        assertThat(grant.words()).containsExactly("GRANT", "SELECT", "ON");
        assertThat(ExplainAstPrinter.print(grant)).isEqualTo("GrantQuery\n");
        assertThat(ExplainAstPrinter.print(SqlParser.parse("DROP ROW POLICY IF EXISTS p ON t")))
                .isEqualTo("DROP ROW POLICY query\n");
        assertThat(ExplainAstPrinter.print(SqlParser.parse("BEGIN TRANSACTION")))
                .isEqualTo("ASTTransactionControl\n");
        assertThatThrownBy(() -> SqlParser.parse("GRANT"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("(line 1, col 6)");
    }

    private static SelectQuery query(String sql) {
        return ((SelectStatement) SqlParser.parse(sql)).query().selects().get(0);
    }
}
