package cn.egov.projects.domain.policy;

import java.util.List;
import java.util.Objects;

/**
 * One stage of a project's acceptance as a pack's measures order it. Taicang's measures know one stage, the expert
 * acceptance of Art. 24 (竣工验收); another municipality may hold a preliminary acceptance (初步验收) before the
 * final one (竣工验收). The stages are held in order, each after the one before has passed: a project is accepted
 * (and its acceptance-report and final-accounts clocks start) when the last stage passes. A failed first stage sends
 * the project back to its trial run, as Taicang's single acceptance does; a failed later stage is held again while
 * the stages before it stand.
 *
 * @param key                stable code of the stage, recorded with each acceptance (e.g. {@code FINAL},
 *                           {@code PRELIMINARY})
 * @param nameZh             the stage as the measures name it: 初步验收, 竣工验收
 * @param rule               the article that orders the stage and its wording, cited when the stage is refused
 *                           (too small a panel, missing documents)
 * @param organiserZh        who organises the stage, as the measures say it (实施单位, 市大数据管理局)
 * @param expertPanelMinimum the smallest expert panel of the stage
 * @param documents          the documents the stage must have
 * @param recordedBy         who records the stage's result in the system (录入验收结果): the implementing unit (its
 *                           staff and leader), as Taicang's measures have it, or the Bureau (its officers) for a stage
 *                           the Bureau organises; the access policy follows it
 */
public record AcceptanceStage(String key, String nameZh, RuleText rule, String organiserZh, int expertPanelMinimum,
                              List<String> documents, RecordedBy recordedBy) {

    /** The key of the single stage a pack has when it lists none: Taicang's Art. 24 acceptance. */
    public static final String FINAL = "FINAL";

    /** Who records a stage of acceptance: a pack's data, as {@code "recordedBy"} in its file. */
    public enum RecordedBy {
        /** The implementing unit's staff and leader (Taicang: every stage). */
        UNIT("实施单位"),
        /** The Bureau's officers (市大数据管理局经办人员). */
        BUREAU("市大数据管理局");

        private final String zh;

        RecordedBy(String zh) {
            this.zh = zh;
        }

        /** Who, in Chinese. */
        public String zh() {
            return zh;
        }
    }

    /** A stage the implementing unit records, as every stage of Taicang's measures is. */
    public AcceptanceStage(String key, String nameZh, RuleText rule, String organiserZh, int expertPanelMinimum,
                           List<String> documents) {
        this(key, nameZh, rule, organiserZh, expertPanelMinimum, documents, RecordedBy.UNIT);
    }

    public AcceptanceStage {
        Objects.requireNonNull(recordedBy, "acceptance stage " + key + " needs who records it (recordedBy)");
        if (key == null || !key.matches("[A-Z][A-Z0-9_]{0,39}")) {
            throw new IllegalArgumentException("an acceptance stage's key must be 1..40 capitals, digits or _: " + key);
        }
        if (nameZh == null || nameZh.isBlank()) {
            throw new IllegalArgumentException("acceptance stage " + key + " needs its Chinese name (nameZh)");
        }
        Objects.requireNonNull(rule, "acceptance stage " + key + " needs its article and wording");
        if (organiserZh == null || organiserZh.isBlank()) {
            throw new IllegalArgumentException("acceptance stage " + key + " needs who organises it (organiserZh)");
        }
        if (expertPanelMinimum < 1) {
            throw new IllegalArgumentException("acceptance stage " + key + ": expertPanelMinimum must be at least 1");
        }
        documents = List.copyOf(documents);
    }
}
