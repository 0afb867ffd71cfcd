package io.columba.workspace.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
    @TempDir
    Path dataDirectory;

    @Test
    void mintsTheThreeTinybirdLocalTokensOnFirstStart() {
        TokenStore store = TokenStore.openOrCreate(dataDirectory);

        assertThat(store.tokens())
                .extracting(Token::name)
                .containsExactly(TokenStore.USER_TOKEN, TokenStore.ADMIN_TOKEN, TokenStore.WORKSPACE_ADMIN_TOKEN);
        assertThat(store.tokens()).allMatch(Token::isAdmin);
        assertThat(store.tokens()).extracting(Token::token).doesNotHaveDuplicates();
        assertThat(dataDirectory.resolve(TokenStore.FILE_NAME)).exists();
        assertThat(dataDirectory.resolve(TokenStore.FILE_NAME + ".tmp")).doesNotExist();
    }

    @Test
    void tokensHaveTinybirdsShape() throws IOException {
        TokenStore store = TokenStore.openOrCreate(dataDirectory);
        Token admin = store.byName(TokenStore.ADMIN_TOKEN).orElseThrow();

        String[] parts = admin.token().split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(parts[0]).isEqualTo("p");
        assertThat(parts[1]).doesNotContain("=");
        assertThat(parts[2]).hasSize(43).matches("[A-Za-z0-9_-]+");
        JsonNode payload = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(payload.get("u").asText()).isEqualTo(store.workspaceId());
        assertThat(payload.get("id").asText()).isEqualTo(admin.id());
        assertThat(payload.get("host").asText()).isEqualTo("local");
    }

    @Test
    void reopeningKeepsTheSameTokens() {
        TokenStore first = TokenStore.openOrCreate(dataDirectory);
        TokenStore second = TokenStore.openOrCreate(dataDirectory);

        assertThat(second.workspaceId()).isEqualTo(first.workspaceId());
        assertThat(second.tokens()).isEqualTo(first.tokens());
    }

    @Test
    void authenticatesOnlyKnownTokens() {
        TokenStore store = TokenStore.openOrCreate(dataDirectory);
        String admin = store.tokenText(TokenStore.ADMIN_TOKEN);

        assertThat(store.authenticate(admin)).map(Token::name).contains(TokenStore.ADMIN_TOKEN);
        assertThat(store.authenticate(admin + "x")).isEmpty();
        assertThat(store.authenticate(admin.substring(0, admin.length() - 1))).isEmpty();
        assertThat(store.authenticate("")).isEmpty();
        assertThat(store.authenticate(null)).isEmpty();
    }

    @Test
    void aDamagedFileIsAClearError() throws IOException {
        Files.writeString(dataDirectory.resolve(TokenStore.FILE_NAME), "{not json");

        assertThatThrownBy(() -> TokenStore.openOrCreate(dataDirectory))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("tokens.json")
                .cause()
                .hasMessageContaining("is not a valid tokens file");
    }

    @Test
    void declaredTokensAreMintedWithTheirScopesAndKeepTheirTextAcrossRestarts() {
        TokenStore store = TokenStore.openOrCreate(dataDirectory)
                .withDeclaredTokens(Map.of(
                        "dashboard",
                        List.of(Token.pipeReadScope("actions")),
                        TokenStore.ADMIN_TOKEN,
                        List.of(Token.pipeReadScope("actions"))));
        Token dashboard = store.byName("dashboard").orElseThrow();

        assertThat(dashboard.token()).startsWith("p.");
        assertThat(dashboard.canReadPipe("actions")).isTrue();
        assertThat(dashboard.canReadPipe("other")).isFalse();
        assertThat(dashboard.isAdmin()).isFalse();
        assertThat(store.byName(TokenStore.ADMIN_TOKEN).orElseThrow().scopes()).containsExactly(Token.ADMIN_SCOPE);
        assertThat(store.authenticate(dashboard.token())).contains(dashboard);

        TokenStore reopened = TokenStore.openOrCreate(dataDirectory)
                .withDeclaredTokens(Map.of("dashboard", List.of(Token.pipeReadScope("kpis"))));
        Token again = reopened.byName("dashboard").orElseThrow();
        assertThat(again.token()).isEqualTo(dashboard.token());
        assertThat(again.canReadPipe("kpis")).isTrue();
        assertThat(again.canReadPipe("actions")).isFalse();
    }
}
