package cn.egov.projects.domain.policy;

import cn.egov.projects.domain.catalog.PurchaseKind;

import java.util.List;

/**
 * One kind of purchase that Art. 2 paragraph 3 puts outside the measures (会议系统, 打印机 …), as the pack words it.
 * A budget line is of that kind when its words name it — unless the line is work (development or a service, by its
 * stated kind, or by its words when no kind is stated) and its words say the work is one of the cases that are
 * e-government work after all: "视频会议系统对接接口开发" is software work that touches a conference system, not the
 * purchase of one.
 *
 * @param kindZh       the kind as the measures name it, e.g. "会议系统"
 * @param words        words that name a purchase of this kind; the kind's own name is always one of them
 * @param inScopeWords words that make a line of work in scope although it names this kind (开发, 接口 …)
 */
public record ScopeExclusion(String kindZh, List<String> words, List<String> inScopeWords) {

    /** The work that stays in scope when no pack says otherwise. */
    public static final List<String> DEFAULT_IN_SCOPE_WORDS = List.of("开发", "接口", "对接", "数据共享", "数据服务",
            "测评", "监理");

    private static final int MAX_WORDS = 100;
    private static final int MAX_WORD = 50;

    public ScopeExclusion {
        if (kindZh == null || kindZh.isBlank() || kindZh.length() > MAX_WORD) {
            throw new IllegalArgumentException("a scope exclusion needs a name of 1 to " + MAX_WORD + " characters");
        }
        kindZh = kindZh.trim();
        words = clean(words, kindZh);
        inScopeWords = clean(inScopeWords, null);
    }

    /** An exclusion named by one word only, with the default in-scope work (packs that list plain items). */
    public static ScopeExclusion of(String kindZh) {
        return new ScopeExclusion(kindZh, List.of(), DEFAULT_IN_SCOPE_WORDS);
    }

    private static List<String> clean(List<String> given, String always) {
        List<String> list = new java.util.ArrayList<>();
        if (always != null) {
            list.add(always);
        }
        if (given != null) {
            for (String w : given) {
                if (w == null || w.isBlank() || w.trim().length() > MAX_WORD) {
                    throw new IllegalArgumentException("scope words must be 1 to " + MAX_WORD + " characters: " + w);
                }
                if (!list.contains(w.trim())) {
                    list.add(w.trim());
                }
            }
        }
        if (list.size() > MAX_WORDS) {
            throw new IllegalArgumentException("at most " + MAX_WORDS + " words per scope exclusion");
        }
        return List.copyOf(list);
    }

    /**
     * Whether a budget line buys something of this kind.
     *
     * @param item the line's words
     * @param kind what the line says it buys, or null when it does not say
     */
    public boolean excludes(String item, PurchaseKind kind) {
        if (words.stream().noneMatch(item::contains)) {
            return false;
        }
        boolean work = kind == null || kind.isWork();
        return !(work && inScopeWords.stream().anyMatch(item::contains));
    }
}
