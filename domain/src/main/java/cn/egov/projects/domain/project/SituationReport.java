package cn.egov.projects.domain.project;

import java.time.LocalDate;

/** A written report (Art. 17) that the project cannot finish on time, is suspended, or is to be terminated. */
public record SituationReport(LocalDate on, Kind kind, String reason, boolean toBureau, boolean toFinance) {

    /** What the report announces. */
    public enum Kind {
        DELAY("不能按期完成"), SUSPENSION("中止实施"), TERMINATION("终止实施");

        private final String zh;

        Kind(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }
}
