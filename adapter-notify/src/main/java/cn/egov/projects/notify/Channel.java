package cn.egov.projects.notify;

/** How a reminder reaches a person. */
public enum Channel {
    EMAIL, SMS
}
