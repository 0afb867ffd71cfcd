package io.columba.workspace.datafile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import org.junit.jupiter.api.Test;

class PipeParserTest {
    private static PipeDefinition parse(String text) {
        return PipeParser.parse("top_pages", text, "top_pages.pipe");
    }

    @Test
    void readsNodesDescriptionsTokensAndTheEndpointType() {
        PipeDefinition pipe = parse("""
                DESCRIPTION >
                    Most visited pages

                TOKEN "dashboard" READ
                TAGS "web, analytics"

                NODE filtered
                DESCRIPTION >
                    Page views only
                SQL >
                    %
                    SELECT * FROM events
                    WHERE action = {{ String(action, 'page_view') }}

                NODE endpoint
                SQL >
                    SELECT count() AS views FROM filtered

                TYPE endpoint
                """);

        assertThat(pipe.name()).isEqualTo("top_pages");
        assertThat(pipe.description()).isEqualTo("Most visited pages");
        assertThat(pipe.tokens()).containsExactly(new ResourceToken("dashboard", "READ"));
        assertThat(pipe.tags()).containsExactly("web", "analytics");
        assertThat(pipe.nodes()).extracting(PipeNode::name).containsExactly("filtered", "endpoint");
        PipeNode filtered = pipe.nodes().get(0);
        assertThat(filtered.description()).isEqualTo("Page views only");
        assertThat(filtered.sql())
                .isEqualTo("%\nSELECT * FROM events\nWHERE action = {{ String(action, 'page_view') }}");
        assertThat(filtered.sqlLine()).isEqualTo(11);
        assertThat(filtered.type()).isEqualTo(NodeType.STANDARD);
        assertThat(pipe.endpointNode().name()).isEqualTo("endpoint");
        assertThat(pipe.outputNode().name()).isEqualTo("endpoint");
        assertThat(pipe.type()).isEqualTo("endpoint");
    }

    @Test
    void toleratesColumnZeroSqlTabsCrlfCommentsAndUpperCaseTypes() {
        PipeDefinition pipe = parse("# a comment\r\nNODE\tmv\r\nSQL >\r\n%\r\nSELECT 1\r\nFROM t\r\n\r\n"
                + "TYPE MATERIALIZED\r\nDATASOURCE 'daily'\r\n");

        PipeNode node = pipe.nodes().get(0);
        assertThat(node.sql()).isEqualTo("%\nSELECT 1\nFROM t");
        assertThat(node.type()).isEqualTo(NodeType.MATERIALIZED);
        assertThat(node.setting("DATASOURCE")).isEqualTo("daily");
        assertThat(pipe.endpointNode()).isNull();
        assertThat(pipe.type()).isEqualTo("materialized");
    }

    @Test
    void aPipeWithoutTypeAnswersWithItsLastNode() {
        PipeDefinition pipe = parse("NODE a\nSQL >\n    SELECT 1\n\nNODE b\nSQL >\n    SELECT 2\n");

        assertThat(pipe.type()).isEqualTo("default");
        assertThat(pipe.outputNode().name()).isEqualTo("b");
    }

    @Test
    void copyNodesKeepTheirSettings() {
        PipeDefinition pipe = parse("NODE c\nSQL >\n    SELECT 1\nTYPE copy\nTARGET_DATASOURCE snapshot\n"
                + "COPY_SCHEDULE 0 * * * *\nCOPY_MODE replace\n");

        PipeNode node = pipe.nodes().get(0);
        assertThat(node.type()).isEqualTo(NodeType.COPY);
        assertThat(node.settings())
                .containsEntry("TARGET_DATASOURCE", "snapshot")
                .containsEntry("COPY_SCHEDULE", "0 * * * *")
                .containsEntry("COPY_MODE", "replace");
    }

    @Test
    void errorsNameTheFileTheLineAndWhatWasExpected() {
        assertThatThrownBy(() -> parse("NODE a\nSQL >\n    SELECT 1\nTYPE api\n"))
                .isInstanceOf(ColumbaException.class)
                .hasMessage("top_pages.pipe, line 4: expected 'TYPE endpoint', 'TYPE materialized', 'TYPE copy' or"
                        + " 'TYPE sink', found 'TYPE api'")
                .extracting(e -> ((ColumbaException) e).errorCode())
                .isEqualTo(ErrorCode.SYNTAX_ERROR);
        assertThatThrownBy(() -> parse("NODE a\nDESCRIPTION >\n    no sql\n"))
                .hasMessage("top_pages.pipe, line 1: expected 'SQL >' in node a, found none");
        assertThatThrownBy(() -> parse("SQL >\n    SELECT 1\n"))
                .hasMessage("top_pages.pipe, line 1: expected 'NODE <name>' before SQL, found SQL outside a node");
        assertThatThrownBy(() -> parse("NODE a\nSQL >\n    SELECT 1\nNODE a\nSQL >\n    SELECT 2\n"))
                .hasMessage("top_pages.pipe, line 4: node a is defined twice");
        assertThatThrownBy(() -> parse("NODE a-b\nSQL >\n    SELECT 1\n"))
                .hasMessageContaining("line 1: expected 'NODE <name>' with a name of letters");
        assertThatThrownBy(() -> parse("DESCRIPTION >\n    nothing\n"))
                .hasMessage("top_pages.pipe, line 1: expected at least one 'NODE <name>' with a 'SQL >' block,"
                        + " found none");
        assertThatThrownBy(() -> parse("TOKEN t APPEND\nNODE a\nSQL >\n    SELECT 1\n"))
                .hasMessage("top_pages.pipe, line 1: expected 'TOKEN <name> READ', found 'TOKEN t APPEND'");
        assertThatThrownBy(() -> parse("NODE a\nSQL >\n    SELECT 1\nSCHEMA >\n    `a` Int32\n"))
                .hasMessage("top_pages.pipe, line 4: SCHEMA is not a .pipe directive");
    }

    @Test
    void onlyOneNodeMayHaveAType() {
        assertThatThrownBy(() -> parse("NODE a\nSQL >\n    SELECT 1\nTYPE endpoint\n\nNODE b\nSQL >\n    SELECT 2\n"
                        + "TYPE endpoint\n"))
                .hasMessage("top_pages.pipe, line 9: a pipe has one typed node: node a is already endpoint");
    }
}
