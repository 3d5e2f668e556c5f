package cn.egov.projects.domain.project;

import java.time.LocalDate;

/** A review required by Art. 4: the Cyberspace office's security review, or the crypto-application review. */
public record SecurityReview(LocalDate on, Kind kind, boolean passed, String opinion) {

    /** Who reviews. */
    public enum Kind {
        CYBERSECURITY("网络安全审查"), CRYPTOGRAPHY("密码应用审查");

        private final String zh;

        Kind(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }
}
