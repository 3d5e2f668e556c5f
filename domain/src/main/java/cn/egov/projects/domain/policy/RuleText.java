package cn.egov.projects.domain.policy;

import java.util.Objects;

/** How a pack words one rule: the article it cites and the sentence staff see. */
public record RuleText(int article, String wording) {

    public RuleText {
        if (article < 1 || article > 99) {
            throw new IllegalArgumentException("article must be 1..99: " + article);
        }
        Objects.requireNonNull(wording, "wording");
        if (wording.isBlank()) {
            throw new IllegalArgumentException("wording must not be blank");
        }
    }
}
