package cn.egov.projects.application.service;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.MessageCentreUseCase;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.DeliveryPreferencesPort;
import cn.egov.projects.application.port.out.InboxPort;
import cn.egov.projects.application.view.DeliveryPreferences;
import cn.egov.projects.application.view.InboxMessage;

import java.util.List;
import java.util.Objects;

/**
 * The message centre (消息中心): every signed-in person reads and marks only their own messages and sets only their
 * own channels and quiet hours; the account is the caller's, never a parameter.
 */
public final class MessageCentreService implements MessageCentreUseCase {

    private final InboxPort inbox;
    private final DeliveryPreferencesPort preferences;
    private final ClockPort clock;

    public MessageCentreService(InboxPort inbox, DeliveryPreferencesPort preferences, ClockPort clock) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public MessagePage messages(Caller caller, boolean unreadOnly, Long beforeId, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidCommandException("limit", "每页条数应为1至" + MAX_PAGE);
        }
        if (beforeId != null && beforeId < 1) {
            throw new InvalidCommandException("before", "消息编号应为正整数");
        }
        String me = caller.actor().userId();
        // one more than asked tells whether a next page exists
        List<InboxMessage> found = inbox.messages(me, unreadOnly, beforeId, limit + 1);
        List<InboxMessage> page = found.size() > limit ? found.subList(0, limit) : found;
        Long next = found.size() > limit ? page.get(page.size() - 1).id() : null;
        return new MessagePage(List.copyOf(page), next, inbox.unreadCount(me, COUNT_CAP));
    }

    @Override
    public int unreadCount(Caller caller) {
        return inbox.unreadCount(caller.actor().userId(), COUNT_CAP);
    }

    @Override
    public void markRead(Caller caller, long messageId) {
        if (!inbox.markRead(caller.actor().userId(), messageId, clock.now())) {
            throw new NotFoundException("没有这条消息");
        }
    }

    @Override
    public int markAllRead(Caller caller) {
        return inbox.markAllRead(caller.actor().userId(), clock.now());
    }

    @Override
    public DeliveryPreferences preferences(Caller caller) {
        return preferences.preferences(caller.actor().userId());
    }

    @Override
    public DeliveryPreferences savePreferences(Caller caller, DeliveryPreferences chosen) {
        Objects.requireNonNull(chosen, "preferences");
        preferences.savePreferences(caller.actor().userId(), chosen, clock.now());
        return preferences.preferences(caller.actor().userId());
    }
}
