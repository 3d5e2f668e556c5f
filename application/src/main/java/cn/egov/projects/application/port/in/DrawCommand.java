package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.domain.expert.ExpertField;
import cn.egov.projects.domain.expert.Vendor;

import java.util.List;

/**
 * A draw of experts for a project: the fields, how many experts and reserves, and the bidders to avoid besides the
 * suppliers of the project's contracts (a project not yet tendered has none recorded).
 */
public record DrawCommand(List<ExpertField> fields, int experts, int reserves, List<Vendor> bidders) {

    public DrawCommand {
        if (fields == null || fields.isEmpty()) {
            throw new InvalidCommandException("fields", "请至少选择一个专业领域");
        }
        fields = List.copyOf(fields);
        if (experts < 1 || experts > 30) {
            throw new InvalidCommandException("experts", "抽取专家人数应为1至30名");
        }
        if (reserves < 0 || reserves > 30) {
            throw new InvalidCommandException("reserves", "备选专家人数应为0至30名");
        }
        bidders = bidders == null ? List.of() : List.copyOf(bidders);
        if (bidders.size() > 100) {
            throw new InvalidCommandException("bidders", "投标人最多100个");
        }
    }
}
