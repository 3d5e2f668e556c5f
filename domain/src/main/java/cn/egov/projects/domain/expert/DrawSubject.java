package cn.egov.projects.domain.expert;

import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;

import java.util.List;
import java.util.Objects;

/**
 * What a draw avoids, as it stood when the draw was made (recorded with it, so that it can be replayed):
 * the project's unit, its vendors (the suppliers of its contracts and the bidders recorded) and the experts who may
 * not be drawn for it any more (who declined, or who already sit on its panel), each with the reason in Chinese.
 */
public record DrawSubject(ProjectId project, UnitId unit, List<Vendor> vendors, List<Unavailable> unavailable) {

    /** An expert who may not be drawn for the project, and why (e.g. "已声明回避"). */
    public record Unavailable(String expertId, String reasonZh) {
        public Unavailable {
            Objects.requireNonNull(expertId, "expertId");
            Objects.requireNonNull(reasonZh, "reasonZh");
        }
    }

    public DrawSubject {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(unit, "unit");
        vendors = vendors == null ? List.of() : List.copyOf(vendors);
        unavailable = unavailable == null ? List.of() : List.copyOf(unavailable);
    }
}
