package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.project.UnitId;

/** A new unit: its code (e.g. TC-GAJ), Chinese name and kind. */
public record CreateUnitCommand(String code, String nameZh, Unit.Kind kind) {

    public CreateUnitCommand {
        code = Check.text(code, "code", "单位代码", 40);
        try {
            new UnitId(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException("code", e.getMessage());
        }
        nameZh = Check.text(nameZh, "nameZh", "单位名称", 100);
        kind = Check.required(kind, "kind", "单位类型");
    }
}
