package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.InboxMessage;

import java.time.Instant;
import java.util.List;

/** The inboxes (消息中心) the reminder engine writes: read and marked read by each person, only their own. */
public interface InboxPort {

    /**
     * A person's messages, newest first: those with an id below {@code beforeId} (null: from the newest), at most
     * {@code limit}, only the unread ones when asked.
     */
    List<InboxMessage> messages(String userId, boolean unreadOnly, Long beforeId, int limit);

    /** How many of the person's messages are unread, counted up to {@code cap} (more: {@code cap}). */
    int unreadCount(String userId, int cap);

    /** Marks one of the person's messages read; false when they have no such message. Read already: true. */
    boolean markRead(String userId, long messageId, Instant at);

    /** Marks every unread message of the person read; returns how many. */
    int markAllRead(String userId, Instant at);
}
