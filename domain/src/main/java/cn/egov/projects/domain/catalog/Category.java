package cn.egov.projects.domain.catalog;

/** The kinds of e-government project of Art. 2. */
public enum Category {
    BUSINESS_SYSTEM("业务管理及服务信息系统"),
    RESOURCE_CATALOGUE("信息资源库及目录体系"),
    SECURITY_SYSTEM("网络与信息安全保障体系"),
    STANDARDS_SUPPORT("标准化体系和支撑体系"),
    NETWORK_DATA_CENTRE("市级统一的电子政务网络和数据中心");

    private final String zh;

    Category(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
