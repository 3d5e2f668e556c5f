package cn.egov.projects.application.fake;

/** A fake that can take a checkpoint of its content and go back to it when a transaction fails. */
public interface Rollback {

    /** Captures the present content; running the result puts it back. */
    Runnable checkpoint();
}
