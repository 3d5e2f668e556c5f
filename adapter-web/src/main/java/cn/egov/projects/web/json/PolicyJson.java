package cn.egov.projects.web.json;

import cn.egov.projects.domain.deadline.CalculationKind;
import cn.egov.projects.domain.policy.AcceptanceStage;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.domain.rule.RuleCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A policy pack as the pages cite it ({@code GET /api/policy}, and a project's own pack on its page): its title,
 * each provision's and rule's article as the measures write it, each calculated period's article and length, the
 * supervision threshold and the stages of acceptance.
 */
public final class PolicyJson {

    private PolicyJson() {
    }

    /** The pack as the pages read it. */
    public static JsonObject of(PolicyPack pack) {
        JsonObject articles = new JsonObject();
        for (Provision p : Provision.values()) {
            articles.put(p.name(), pack.articleZh(p));
        }
        JsonObject rules = new JsonObject();
        for (RuleCode code : RuleCode.values()) {
            if (!code.citesAction()) {
                rules.put(code.name(), pack.articleOf(code));
            }
        }
        JsonObject periods = new JsonObject();
        for (CalculationKind kind : CalculationKind.values()) {
            var term = kind.deadline().flatMap(d -> d.termIn(pack)).orElse(kind == CalculationKind.EARLIEST_ACCEPTANCE
                    ? pack.trialMinimum() : null);
            periods.put(kind.name(), new JsonObject().put("article", pack.articleZh(kind.provision()))
                    .put("term", term == null ? null : term.toChinese()));
        }
        JsonArray stages = new JsonArray();
        for (AcceptanceStage s : pack.acceptanceStages()) {
            stages.add(new JsonObject().put("key", s.key()).put("nameZh", s.nameZh())
                    .put("article", pack.articleZh(s)).put("organiserZh", s.organiserZh())
                    .put("recordedBy", s.recordedBy().name()).put("recordedByZh", s.recordedBy().zh())
                    .put("expertPanelMinimum", s.expertPanelMinimum()));
        }
        return new JsonObject()
                .put("id", pack.id())
                .put("nameZh", pack.nameZh())
                .put("systemNameZh", pack.systemNameZh())
                .put("recordTitleZh", pack.recordTitleZh())
                .put("effectiveFrom", pack.effectiveFrom().toString())
                .put("articles", articles)
                .put("rules", rules)
                .put("periods", periods)
                .put("supervisionThreshold", pack.supervisionThreshold().toString())
                .put("acceptanceStages", stages);
    }
}
