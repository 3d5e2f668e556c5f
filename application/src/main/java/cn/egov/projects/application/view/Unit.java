package cn.egov.projects.application.view;

import cn.egov.projects.domain.project.UnitId;

import java.util.Objects;

/**
 * A unit of the municipality: an implementing unit (实施单位, Art. 3) or one of the authorities of Art. 4.
 */
public record Unit(UnitId id, String nameZh, Kind kind) {

    /** What a unit is under the measures. */
    public enum Kind {
        IMPLEMENTING("实施单位"), AUTHORITY("主管部门");

        private final String zh;

        Kind(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    public Unit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (nameZh == null || nameZh.isBlank() || nameZh.length() > 100) {
            throw new IllegalArgumentException("单位名称不能为空且不超过100字");
        }
        nameZh = nameZh.trim();
    }
}
