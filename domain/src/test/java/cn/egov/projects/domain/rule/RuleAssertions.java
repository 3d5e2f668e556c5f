package cn.egov.projects.domain.rule;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the decisions of the measures: the code, the article and the Chinese message citing it. */
public final class RuleAssertions {

    private RuleAssertions() {
    }

    /**
     * Asserts the outcome refuses with the code, citing the article, in a message that starts with the article and
     * contains each detail; returns that violation.
     */
    public static Violation assertRefused(Outcome outcome, RuleCode code, String article, String... details) {
        assertThat(outcome.isRefused()).as("refused: %s", outcome.violations()).isTrue();
        List<Violation> matching = outcome.refusals().stream().filter(v -> v.code() == code).toList();
        assertThat(matching).as("refusals with %s in %s", code, outcome.violations()).isNotEmpty();
        return assertCites(matching, article, details);
    }

    /** Asserts the outcome is allowed but flags the code, citing the article with each detail. */
    public static Violation assertFlagged(Outcome outcome, RuleCode code, String article, String... details) {
        assertThat(outcome.isRefused()).as("refused: %s", outcome.violations()).isFalse();
        List<Violation> matching = outcome.flags().stream().filter(v -> v.code() == code).toList();
        assertThat(matching).as("flags with %s in %s", code, outcome.violations()).isNotEmpty();
        return assertCites(matching, article, details);
    }

    /** Asserts the outcome is allowed and carries no violation at all. */
    public static void assertClean(Outcome outcome) {
        assertThat(outcome.violations()).as("violations").isEmpty();
        assertThat(outcome.isRefused()).isFalse();
    }

    /** Asserts the outcome does not mention the code. */
    public static void assertNotCited(Outcome outcome, RuleCode code) {
        assertThat(outcome.violations()).extracting(Violation::code).doesNotContain(code);
    }

    private static Violation assertCites(List<Violation> matching, String article, String... details) {
        // several violations of one code may be found at once (e.g. two Art. 10 gaps): one must carry every detail
        Violation chosen = matching.stream()
                .filter(v -> java.util.Arrays.stream(details).allMatch(d -> v.messageZh().contains(d)))
                .findFirst().orElse(matching.get(0));
        assertThat(chosen.article()).isEqualTo(article);
        assertThat(chosen.messageZh()).startsWith(article + "：");
        for (String detail : details) {
            assertThat(chosen.messageZh()).contains(detail);
        }
        return chosen;
    }
}
