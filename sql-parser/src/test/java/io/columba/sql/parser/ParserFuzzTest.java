package io.columba.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of the corpus statements (characters deleted, doubled, swapped or replaced by SQL punctuation)
 * must parse or fail with {@link SqlSyntaxException}: never another exception, never a hang. The seed is fixed so
 * that a run repeats; {@code -Dfuzz.seed=N} (or {@code random}) explores others, and a failure names its seed.
 */
class ParserFuzzTest {
    private static final String PUNCTUATION = "()[]{},;.:'\"`-+*/%=<>!?@#$\\ \n0123456789abcxyzSELECTFROM";

    @Test
    void mutatedStatementsFailOnlyWithSyntaxErrors() throws IOException {
        Path corpus = CorpusConformanceTest.corpus();
        assumeTrue(corpus != null, "skipped: ../shared/conformance/clickhouse-selects is not beside the project");
        List<String> statements = new ArrayList<>();
        try (Stream<Path> list = Files.list(corpus)) {
            for (Path file :
                    list.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                statements.addAll(
                        CorpusConformanceTest.statements(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
            }
        }
        String configured = System.getProperty("fuzz.seed", "20261130");
        long seed = configured.equals("random") ? new Random().nextLong() : Long.parseLong(configured);
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < 20_000; round++) {
            String statement = statements.get(random.nextInt(statements.size()));
            String mutated = mutate(statement, random);
            try {
                SqlParser.parse(mutated);
            } catch (SqlSyntaxException expected) {
                // The one allowed failure.
            } catch (RuntimeException | StackOverflowError other) {
                if (failures.size() < 20) {
                    failures.add(other + " for: " + mutated.replace('\n', ' '));
                }
            }
        }
        assertThat(failures).as("seed %d", seed).isEmpty();
    }

    private static String mutate(String statement, Random random) {
        StringBuilder text = new StringBuilder(statement);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && !text.isEmpty(); i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, text.charAt(at));
                case 2 -> text.setCharAt(at, PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
                default -> {
                    int other = random.nextInt(text.length());
                    char swap = text.charAt(at);
                    text.setCharAt(at, text.charAt(other));
                    text.setCharAt(other, swap);
                }
            }
        }
        return text.toString();
    }
}
