package io.columba.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.columba.storage.error.ColumbaException;
import org.junit.jupiter.api.Test;

class JsonPathTest {
    private static JsonNode json(String text) throws Exception {
        return JsonValues.MAPPER.readTree(text);
    }

    @Test
    void selectsNestedFieldsArraysAndProjections() throws Exception {
        JsonNode row = json("{\"a\": {\"b\": 7}, \"arr\": [{\"f\": 1}, {\"g\": 2}, {\"f\": 3}], \"k.d\": \"x\"}");

        assertThat(JsonPath.parse("$.a.b").select(row).asInt()).isEqualTo(7);
        assertThat(JsonPath.parse("$.arr[:]").select(row).size()).isEqualTo(3);
        assertThat(JsonPath.parse("$.arr[:].f").select(row).toString()).isEqualTo("[1,3]");
        assertThat(JsonPath.parse("$.['k.d']").select(row).asText()).isEqualTo("x");
        assertThat(JsonPath.parse("$").select(row)).isSameAs(row);
        assertThat(JsonPath.parse("$.a.missing"))
                .satisfies(path -> assertThat(path.select(row)).isNull());
        assertThat(JsonPath.parse("$.a.b.c").select(row)).isNull();
        assertThat(JsonPath.parse("$.a[:]").select(row)).isNull();
    }

    @Test
    void refusesPathsThatDoNotStartWithDollar() {
        assertThatThrownBy(() -> JsonPath.parse("a.b"))
                .isInstanceOf(ColumbaException.class)
                .hasMessageContaining("expected it to start with '$'");
        assertThatThrownBy(() -> JsonPath.parse("$..b")).hasMessageContaining("expected a field name");
    }
}
