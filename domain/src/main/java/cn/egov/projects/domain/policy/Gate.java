package cn.egov.projects.domain.policy;

/** A point of the lifecycle before which a policy pack may require a record (e.g. the Art. 4 reviews). */
public enum Gate {
    DECLARATION("申报"),
    PROCUREMENT("进入政府采购"),
    TRIAL_RUN("上线试运行"),
    ACCEPTANCE("竣工验收");

    private final String zh;

    Gate(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
