package cn.egov.projects.domain.catalog;

/**
 * What a budget line buys (Art. 2): the measures cover information systems and the IT services around them, not the
 * everyday office goods and building works that paragraph 3 lists. A line's kind and its words together decide
 * whether it is in scope (see {@code ScopeExclusion}).
 */
public enum PurchaseKind {
    SOFTWARE_DEVELOPMENT("软件开发", true),
    IT_SERVICE("信息技术服务", true),
    SOFTWARE_PRODUCT("软件产品", false),
    HARDWARE("硬件设备", false),
    CONSTRUCTION("工程施工", false),
    CONSUMABLES("耗材", false),
    OTHER("其他", false);

    private final String zh;
    private final boolean work;

    PurchaseKind(String zh, boolean work) {
        this.zh = zh;
        this.work = work;
    }

    public String zh() {
        return zh;
    }

    /** Whether the line pays for work done (development, a service) rather than for goods or building works. */
    public boolean isWork() {
        return work;
    }
}
