package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.domain.expert.Expert;
import cn.egov.projects.domain.expert.ExpertField;
import cn.egov.projects.domain.project.UnitId;

import java.util.List;

/**
 * An expert of the pool as the Bureau enters it: the {@code EXPERT} account, name, fields, employer (and the
 * municipal unit it is, if any), declared relations with units and companies, and whether the expert may be drawn.
 */
public record ExpertCommand(String userId, String name, List<ExpertField> fields, String employer,
                            UnitId employerUnit, List<Expert.UnitRelation> relatedUnits,
                            List<Expert.VendorRelation> relatedVendors, boolean active) {

    public ExpertCommand {
        userId = Check.text(userId, "userId", "专家账号", 100);
        name = Check.text(name, "name", "专家姓名", 50);
        if (fields == null || fields.isEmpty()) {
            throw new InvalidCommandException("fields", "请至少选择一个专业领域");
        }
        fields = List.copyOf(fields);
        employer = Check.optionalText(employer, "employer", "工作单位", 200);
        relatedUnits = relatedUnits == null ? List.of() : List.copyOf(relatedUnits);
        relatedVendors = relatedVendors == null ? List.of() : List.copyOf(relatedVendors);
        if (relatedUnits.size() > 50) {
            throw new InvalidCommandException("relatedUnits", "关联单位最多50个");
        }
        if (relatedVendors.size() > 100) {
            throw new InvalidCommandException("relatedVendors", "关联企业最多100个");
        }
    }
}
