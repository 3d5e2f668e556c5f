package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.access.Actor;

import java.util.List;

/** A person's deadlines for their calendar application, as the feed of their private token gives them. */
public record CalendarFeed(Actor owner, List<ToDo> items) {

    public CalendarFeed {
        items = List.copyOf(items);
    }
}
