package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.DeliveryPreferences;
import cn.egov.projects.application.view.InboxMessage;

import java.util.List;

/**
 * The message centre (消息中心): each signed-in person's own inbox of reminders and escalations — listed, counted,
 * marked read — and their own channels and quiet hours. Nobody reads or changes another's.
 */
public interface MessageCentreUseCase {

    /** The largest page. */
    int MAX_PAGE = 100;
    /** The unread count is counted up to this (the bell shows "99+" beyond 99). */
    int COUNT_CAP = 1000;

    /** A page of messages, newest first, and the id to ask the next page with (null: none). */
    record MessagePage(List<InboxMessage> items, Long nextBefore, int unread) {
    }

    MessagePage messages(Caller caller, boolean unreadOnly, Long beforeId, int limit);

    int unreadCount(Caller caller);

    /** Marks one of the caller's messages read; NotFoundException when they have no such message. */
    void markRead(Caller caller, long messageId);

    /** Marks all the caller's messages read; returns how many were unread. */
    int markAllRead(Caller caller);

    DeliveryPreferences preferences(Caller caller);

    DeliveryPreferences savePreferences(Caller caller, DeliveryPreferences preferences);
}
