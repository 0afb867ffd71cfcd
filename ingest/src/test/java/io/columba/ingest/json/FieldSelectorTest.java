package io.columba.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.storage.type.DataTypeParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming road of {@link FieldSelector} converts exactly as the general road over the JSON tree. */
class FieldSelectorTest extends ConverterFixture {
    @Override
    String createTable() {
        return "CREATE TABLE t (id UInt32, name String DEFAULT 'unknown', note Nullable(String), price Float64, "
                + "flag UInt8, ok Bool, payload String) ENGINE = MergeTree ORDER BY id";
    }

    private static final IngestSchema SCHEMA = new IngestSchema(
            "t",
            List.of(
                    column("id", "UInt32", null),
                    column("name", "String", "'unknown'"),
                    column("note", "Nullable(String)", null),
                    column("price", "Float64", null),
                    column("flag", "UInt8", null),
                    column("ok", "Bool", null),
                    column("payload", "String", null)));

    private static final String BODY = """
            {"id":1,"name":"a\\tb\\\\c\\n","note":null,"price":28.30,"flag":true,"ok":true,"payload":{"x":[1,2.50,"y"]}}
            {"id":2,"price":1e3,"flag":false,"ok":false,"payload":[{"a":null}],"extra":{"deep":[[[1]]]}}

            {"id":"x","name":null,"price":"1.5","flag":300,"ok":"yes","payload":"plain","id":3}
            {"id":4,"price":-0.0,"flag":1,"ok":1,"payload":12345678901234567890123}
            {"id":5,"price":1,"flag":0,"ok":0}
            """;

    @Test
    void bothRoadsGiveTheSameRowsAndQuarantine() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(FieldSelector.select(body, SCHEMA.columns()))
                .as("the fast road applies")
                .hasSize(5);

        ConvertedRows fast = converter.convert(SCHEMA, body, "import");
        ConvertedRows general = converter.convert(SCHEMA, JsonRows.parse(body), "import");

        assertThat(rendered(fast)).isEqualTo(rendered(general));
        assertThat(fast.rowCount()).isEqualTo(general.rowCount()).isEqualTo(4);
        assertThat(fast.quarantineCount()).isEqualTo(general.quarantineCount()).isEqualTo(1);
        assertThat(fast.quarantineRows().replaceAll("\"insertion_date\":\"[^\"]*\"", ""))
                .isEqualTo(general.quarantineRows().replaceAll("\"insertion_date\":\"[^\"]*\"", ""));
    }

    @Test
    void otherBodiesTakeTheGeneralRoad() {
        List<IngestColumn> columns = SCHEMA.columns();
        assertThat(FieldSelector.select("{\"id\":1} {\"id\":2}\n".getBytes(StandardCharsets.UTF_8), columns))
                .as("two objects on one line")
                .isNull();
        assertThat(FieldSelector.select("{\"id\":\n1}\n".getBytes(StandardCharsets.UTF_8), columns))
                .as("an object over two lines")
                .isNull();
        assertThat(FieldSelector.select("[{\"id\":1}]\n".getBytes(StandardCharsets.UTF_8), columns))
                .as("not an object")
                .isNull();
        assertThat(FieldSelector.select("{\"id\":1}\n{\"id\":\n".getBytes(StandardCharsets.UTF_8), columns))
                .as("a line that is not JSON")
                .isNull();
        IngestColumn nested = new IngestColumn("name", DataTypeParser.parse("String"), JsonPath.parse("$.a.b"), null);
        assertThat(FieldSelector.select("{\"a\":{\"b\":\"x\"}}\n".getBytes(StandardCharsets.UTF_8), List.of(nested)))
                .as("a path deeper than one field")
                .isNull();
    }
}
