package cn.egov.projects.web.export;

import cn.egov.projects.application.port.in.CalendarFeed;
import cn.egov.projects.application.port.in.ToDo;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A person's deadlines as an iCalendar (RFC 5545) feed: one all-day event on each due day, named by the action that
 * meets it and the article that sets it. A classified project's name stays out of the feed (Art. 27): calendar
 * applications lie outside the system.
 */
public final class Calendars {

    public static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private Calendars() {
    }

    public static String feed(CalendarFeed feed, Instant stamp) {
        Calendar calendar = new Calendar().withProdId("-//egov-projects//电子政务项目期限//ZH")
                .withDefaults()
                .withProperty(new XProperty("X-WR-CALNAME", "电子政务项目期限（" + feed.owner().name() + "）"))
                .withProperty(new XProperty("X-WR-TIMEZONE", "Asia/Shanghai"))
                .getFluentTarget();
        for (ToDo t : feed.items()) {
            var d = t.due();
            LocalDate due = d.deadline().due();
            String project = d.classified() ? "涉密项目" : d.projectName();
            String summary = (t.urgency() == ToDo.Urgency.OVERDUE ? "【已逾期】" : "") + d.deadline().kind().actionZh()
                    + "（" + t.article() + "）：" + project;
            VEvent event = new VEvent(due, summary);
            event.add(new Uid(d.deadline().id() + "@egov-projects"));
            event.add(new DtStamp(stamp));
            event.add(new Description(t.descriptionZh() + "。到期日：" + due
                    + (d.deadline().provisional() ? "（暂定：该年度官方工作日安排尚未公布）" : "")
                    + (t.action() == null ? "" : "。办理：" + t.action().zh())));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
