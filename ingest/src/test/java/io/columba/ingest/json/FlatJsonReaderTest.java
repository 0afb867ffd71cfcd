package io.columba.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link FlatJsonReader} converts exactly as the general road over the JSON tree, or steps aside. */
class FlatJsonReaderTest extends ConverterFixture {
    private static final IngestSchema SCHEMA = new IngestSchema(
            "t",
            List.of(
                    column("id", "UInt32", null),
                    column("name", "String", "'unknown'"),
                    column("note", "Nullable(String)", null),
                    column("price", "Float64", null),
                    column("flag", "UInt8", null),
                    column("ok", "Bool", null),
                    column("at", "DateTime", null),
                    column("big", "Int64", null)));

    /** Values of every kind, with the ones the flat road leaves to the others ({@code \}u, exponents, nesting). */
    private static final List<String> VALUES = List.of(
            "0",
            "-0",
            "7",
            "-12",
            "300",
            "123456789012345678",
            "1234567890123456789",
            "28.30",
            "3.14159",
            "0.1",
            "-2.5",
            "123.4567890123456789",
            "1700000000",
            "\"2024-05-01T10:00:00Z\"",
            "\"2024-05-01\"",
            "\"-0.0\"",
            "\"007\"",
            "\" 12\"",
            "\"a fairly long string value, with no escape at all in it\"",
            "\"0123456789abcdef\\tafter a tab escape past eight bytes\"",
            "\"a long string that ends in an escaped quote \\\"\"",
            "\"caf\u00e9 a longer text with \u6f22 and more text after it\"",
            "-0.0",
            "100.00",
            "1.5",
            "0.000",
            "1e3",
            "true",
            "false",
            "null",
            "\"\"",
            "\"x\"",
            "\"a\\tb\\\\c\\n\\\"q\\/\"",
            "\"caf\u00e9 \u6f22\"",
            "\"\\u00e9\"",
            "\"2024-02-29 10:00:00\"",
            "\"2023-02-29 10:00:00\"",
            "\"12\"",
            "\"-3.25\"",
            "\"yes\"",
            "{\"a\":1}",
            "[1,2]");

    @Override
    String createTable() {
        return "CREATE TABLE t (id UInt32, name String DEFAULT 'unknown', note Nullable(String), price Float64, "
                + "flag UInt8, ok Bool, at DateTime, big Int64) ENGINE = MergeTree ORDER BY id";
    }

    @Test
    void randomFlatBodiesConvertAsTheTreeDoes() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int flat = 0;
        for (int body = 0; body < 300; body++) {
            byte[] bytes = randomBody(random, random.nextInt(4) == 0).getBytes(StandardCharsets.UTF_8);
            if (FlatJsonReader.read(bytes, SCHEMA.columns()) != null) {
                flat++;
            }
            ConvertedRows fast = converter.convert(SCHEMA, bytes, "import");
            ConvertedRows general = converter.convert(SCHEMA, JsonRows.parse(bytes), "import");
            String what = "seed " + seed + ", body:\n" + new String(bytes, StandardCharsets.UTF_8);
            assertThat(rendered(fast)).as(what).isEqualTo(rendered(general));
            assertThat(fast.rowCount()).as(what).isEqualTo(general.rowCount());
            assertThat(fast.quarantineCount()).as(what).isEqualTo(general.quarantineCount());
            assertThat(withoutDate(fast.quarantineRows())).as(what).isEqualTo(withoutDate(general.quarantineRows()));
        }
        assertThat(flat).as("bodies the flat road read (seed %d)", seed).isGreaterThan(50);
    }

    @Test
    void otherBodiesAreLeftToTheOtherRoads() {
        List<IngestColumn> columns = SCHEMA.columns();
        for (String body : List.of(
                "{\"id\":1} {\"id\":2}\n",
                "{\"id\":\n1}\n",
                "[{\"id\":1}]\n",
                "{\"id\":1}\n{\"id\":\n",
                "{\"id\":01}\n",
                "{\"id\":1,}\n",
                "{\"id\":1}\r{\"id\":2}\n",
                "{\"name\":\"\\u0041\"}\n",
                "{\"extra\":{\"a\":1},\"id\":1}\n",
                "{\"id\":tru}\n",
                "\n  \n")) {
            assertThat(FlatJsonReader.read(body.getBytes(StandardCharsets.UTF_8), columns))
                    .as(body)
                    .isNull();
        }
        FieldValues values = FlatJsonReader.read(
                "{\"id\":1,\"id\":2, \"note\" : null}\r\n\n{}\n".getBytes(StandardCharsets.UTF_8), columns);
        assertThat(values.rowCount()).isEqualTo(2);
        assertThat(values.sink(0).text(0)).as("the last of duplicate fields").isEqualTo("2");
        assertThat(values.kind(2, 0)).isEqualTo(FieldValues.NULL);
        assertThat(values.kind(0, 1)).isEqualTo(FieldValues.MISSING);
    }

    @Test
    void lineFeedsAreCountedAsOneByOne() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(40)];
            int expected = 0;
            for (int b = 0; b < bytes.length; b++) {
                int pick = random.nextInt(4);
                bytes[b] = (byte) (pick == 0 ? '\n' : pick == 1 ? 0x8A : pick == 2 ? 0x0B : random.nextInt(256));
                expected += bytes[b] == '\n' ? 1 : 0;
            }
            assertThat(FlatJsonReader.lineFeeds(bytes)).as("seed %d", seed).isEqualTo(expected);
        }
    }

    private static String randomBody(Random random, boolean withOthers) {
        StringBuilder body = new StringBuilder();
        int rows = 1 + random.nextInt(6);
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(8) == 0) {
                body.append(random.nextBoolean() ? "\n" : "  \r\n");
            }
            body.append(random.nextBoolean() ? "{" : " { ");
            int fields = random.nextInt(SCHEMA.columns().size() + 2);
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    body.append(random.nextBoolean() ? "," : " , ");
                }
                int column = random.nextInt(SCHEMA.columns().size() + 1);
                String name = column == SCHEMA.columns().size()
                        ? "extra"
                        : SCHEMA.columns().get(column).name();
                body.append('"').append(name).append('"').append(random.nextBoolean() ? ":" : " : ");
                body.append(randomValue(random, withOthers));
            }
            body.append('}');
            body.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
        }
        return body.toString();
    }

    private static String randomValue(Random random, boolean withOthers) {
        while (true) {
            String value = VALUES.get(random.nextInt(VALUES.size()));
            boolean other = value.startsWith("{")
                    || value.startsWith("[")
                    || value.contains("\\u")
                    || value.contains("e3")
                    || value.length() > 18 && !value.startsWith("\"");
            if (withOthers || !other) {
                return value;
            }
        }
    }

    private static String withoutDate(String quarantine) {
        return quarantine.replaceAll("\"insertion_date\":\"[^\"]*\"", "");
    }
}
