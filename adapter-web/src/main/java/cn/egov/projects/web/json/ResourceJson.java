package cn.egov.projects.web.json;

import cn.egov.projects.application.view.ResourceCatalogueView;
import cn.egov.projects.application.view.ReuseOpinionView;
import cn.egov.projects.application.view.SimilarityReport;
import cn.egov.projects.domain.resource.ResourceDescription;
import cn.egov.projects.domain.resource.ResourceEntry;
import cn.egov.projects.domain.resource.SimilarItem;
import cn.egov.projects.domain.resource.SimilarReference;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

/**
 * Resource catalogues, similarity reports and reuse opinions as the API writes them (openapi.json:
 * ResourceCatalogue, ResourceEntry, SimilarityReport, ReuseOpinionView): enums by name with their Chinese names,
 * times as ISO instants, scores as numbers of three decimals.
 */
public final class ResourceJson {

    private ResourceJson() {
    }

    public static JsonObject catalogue(ResourceCatalogueView view) {
        JsonArray items = new JsonArray();
        view.entries().forEach(e -> items.add(entry(e)));
        return new JsonObject().put("projectId", view.project().toString()).put("version", view.version())
                .put("editable", view.editable()).put("maxEntries", view.maxEntries()).put("items", items);
    }

    public static JsonObject entry(ResourceEntry e) {
        ResourceDescription c = e.content();
        return new JsonObject().put("id", e.id().toString()).put("name", c.name())
                .put("kind", c.kind().name()).put("kindZh", c.kind().zh())
                .put("ownerUnit", c.ownerUnit()).put("description", c.description())
                .put("sharing", c.sharing().name()).put("sharingZh", c.sharing().zh())
                .put("sharingCondition", c.sharingCondition())
                .put("openness", c.openness().name()).put("opennessZh", c.openness().zh())
                .put("registeredBy", e.registeredBy()).put("registeredAt", e.registeredAt().toString())
                .put("updatedBy", e.updatedBy()).put("updatedAt", instant(e.updatedAt()));
    }

    public static JsonObject similarity(SimilarityReport report) {
        JsonArray items = new JsonArray();
        for (SimilarItem i : report.items()) {
            ResourceEntry r = i.resource();
            items.add(new JsonObject().put("kind", i.isResource() ? "RESOURCE" : "PROJECT")
                    .put("score", i.score()).put("projectId", i.project().toString())
                    .put("projectName", i.projectName()).put("unit", i.unit().code())
                    .put("state", i.state().name()).put("stateZh", i.state().zh())
                    .put("category", i.category().name()).put("categoryZh", i.category().zh())
                    .put("resourceId", r == null ? null : r.id().toString())
                    .put("resourceName", r == null ? null : r.name())
                    .put("resourceKind", r == null ? null : r.content().kind().name())
                    .put("resourceKindZh", r == null ? null : r.content().kind().zh())
                    .put("resourceOwnerUnit", r == null ? null : r.content().ownerUnit())
                    .put("resourceSharing", r == null ? null : r.content().sharing().name())
                    .put("resourceSharingZh", r == null ? null : r.content().sharing().zh())
                    .put("terms", new JsonArray(List.copyOf(i.terms())))
                    .put("fields", new JsonArray(List.copyOf(i.fields()))));
        }
        return new JsonObject().put("projectId", report.project().toString()).put("minScore", report.minScore())
                .put("limit", report.limit()).put("projectsCompared", report.projectsCompared())
                .put("resourcesCompared", report.resourcesCompared()).put("truncated", report.truncated())
                .put("items", items);
    }

    public static JsonObject opinion(ReuseOpinionView view) {
        JsonObject latest = view.latest().map(ResourceJson::shown).orElse(null);
        return new JsonObject().put("projectId", view.project().toString()).put("state", view.state().name())
                .put("stateZh", view.state().zh()).put("open", view.open()).put("mayRecord", view.mayRecord())
                .put("opinion", latest).put("earlier", view.earlier());
    }

    private static JsonObject shown(ReuseOpinionView.Shown s) {
        JsonArray similar = new JsonArray();
        for (SimilarReference r : s.similar()) {
            similar.add(new JsonObject().put("kind", r.isResource() ? "RESOURCE" : "PROJECT")
                    .put("projectId", r.project().toString())
                    .put("resourceId", r.resource() == null ? null : r.resource().toString())
                    .put("name", r.name()).put("projectName", r.projectName()));
        }
        return new JsonObject().put("id", s.id().toString()).put("verdict", s.verdict().name())
                .put("verdictZh", s.verdict().zh()).put("comment", s.comment()).put("similar", similar)
                .put("recordedBy", s.recordedBy()).put("recordedAt", s.recordedAt().toString());
    }

    private static String instant(Instant at) {
        return at == null ? null : at.toString();
    }
}
