package cn.egov.projects.domain.rule;

import java.util.Objects;

/**
 * A decision of the measures against an action, as a value: the rule's code, the article (e.g. "第十五条")
 * and the Chinese message staff see, which starts with the article.
 */
public record Violation(RuleCode code, String article, String messageZh) {

    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(messageZh, "messageZh");
    }

    public boolean refuses() {
        return code.severity() == RuleCode.Severity.REFUSAL;
    }

    @Override
    public String toString() {
        return code + " " + messageZh;
    }
}
