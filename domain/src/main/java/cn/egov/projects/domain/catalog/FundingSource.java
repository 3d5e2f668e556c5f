package cn.egov.projects.domain.catalog;

/** Where the money comes from: the municipal budget, or fully allocated by a higher level (Art. 11). */
public enum FundingSource {
    MUNICIPAL("市级财政性资金"),
    HIGHER_LEVEL("国家、省、市统筹安排并全额拨付");

    private final String zh;

    FundingSource(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
