package cn.egov.projects.application.error;

/** Somebody else changed the object since it was read: the change was not applied (optimistic locking). */
public final class ConcurrentChangeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException(String what) {
        super(what);
    }

    public String messageZh() {
        return "该项目已被他人修改，请刷新后重试";
    }
}
