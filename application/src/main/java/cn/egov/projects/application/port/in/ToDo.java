package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.DueDeadline;
import cn.egov.projects.domain.access.Action;

/**
 * One open deadline on a person's to-do list: how urgent it is today, the article that sets it, what it asks with the
 * period of the project's own policy pack, and the action in the system that meets it (null where no single action
 * does, e.g. arranging O&amp;M outside the system).
 */
public record ToDo(DueDeadline due, Urgency urgency, String article, String descriptionZh, Action action) {

    /** Where a deadline stands today. */
    public enum Urgency {
        OVERDUE("已逾期"), DUE_TODAY("今日到期"), DUE_SOON("即将到期"), LATER("待办");

        private final String zh;

        Urgency(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }
}
