package cn.egov.projects.domain.expert;

/** The fields (专业领域) an expert of the pool is drawn for; a fixed list. */
public enum ExpertField {
    SOFTWARE_DEVELOPMENT("软件开发"),
    NETWORK_SECURITY("网络安全"),
    DATA_GOVERNANCE("数据治理"),
    IT_PLANNING("信息化规划"),
    FINANCIAL_AUDIT("财务审计"),
    CRYPTOGRAPHY("密码应用"),
    SYSTEM_INTEGRATION("系统集成"),
    PROJECT_MANAGEMENT("项目管理");

    private final String zh;

    ExpertField(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
