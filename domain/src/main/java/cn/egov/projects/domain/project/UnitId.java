package cn.egov.projects.domain.project;

/** An implementing unit (实施单位, Art. 3) or an authority, by its short code, e.g. {@code TC-GAJ}. */
public record UnitId(String code) {

    public UnitId {
        if (code == null || !code.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,39}")) {
            throw new IllegalArgumentException("单位代码应为1至40位字母、数字、连字符或下划线");
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
