package cn.egov.projects.application.service;

import cn.egov.projects.application.port.in.PlanRemindersUseCase;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AccountPort;
import cn.egov.projects.application.port.out.CalendarPort;
import cn.egov.projects.application.port.out.DeclarationWindowPort;
import cn.egov.projects.application.port.out.DueDeadlinesPort;
import cn.egov.projects.application.port.out.ListProjectsPort;
import cn.egov.projects.application.port.out.LoadProjectPort;
import cn.egov.projects.application.port.out.PolicyPort;
import cn.egov.projects.application.port.out.ProjectListScope;
import cn.egov.projects.application.view.DueCursor;
import cn.egov.projects.application.view.DueDeadline;
import cn.egov.projects.application.view.Page;
import cn.egov.projects.application.view.PlannedReminder;
import cn.egov.projects.application.view.ProjectListFilter;
import cn.egov.projects.application.view.ProjectSummary;
import cn.egov.projects.application.view.ReminderRecipient;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.declaration.DeclarationWindow;
import cn.egov.projects.domain.policy.PolicyHistory;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.AccountablePeople;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.reminder.Reminder;
import cn.egov.projects.domain.reminder.ReminderSchedule;
import cn.egov.projects.domain.rule.Articles;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Plans reminders (RULES.md §5) from the stored projects: for each open deadline the days of {@link ReminderSchedule}
 * under the project's own policy pack, and for each day its audience resolved to people — the 责任人 before and on
 * the due day; the 分管领导 and the Bureau's officers once overdue (for a classified project, Art. 27, only the
 * officers assigned to it). Units holding drafts hear of the declaration window's closing (Art. 7): the draft's
 * 责任人, else the unit's staff.
 */
public final class ReminderPlanningService implements PlanRemindersUseCase {

    /** Page size when reading open deadlines and drafts. */
    static final int PAGE = 10_000;
    private static final int DRAFT_PAGE = 500;

    private final DueDeadlinesPort dueDeadlines;
    private final ListProjectsPort projects;
    private final LoadProjectPort load;
    private final DeclarationWindowPort windows;
    private final AccountPort accounts;
    private final PolicyPort policies;
    private final CalendarPort calendar;
    /** The units, whose full names the reminders carry; null: names unknown (the messages say no unit). */
    private volatile cn.egov.projects.application.port.out.UnitPort units;
    /** The units' full names by code, read again when a code is not among them. */
    private volatile Map<UnitId, String> unitNames = Map.of();

    public ReminderPlanningService(DueDeadlinesPort dueDeadlines, ListProjectsPort projects, LoadProjectPort load,
                                   DeclarationWindowPort windows, AccountPort accounts, PolicyPort policies,
                                   CalendarPort calendar) {
        this.dueDeadlines = Objects.requireNonNull(dueDeadlines, "dueDeadlines");
        this.projects = Objects.requireNonNull(projects, "projects");
        this.load = Objects.requireNonNull(load, "load");
        this.windows = Objects.requireNonNull(windows, "windows");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    @Override
    public List<PlannedReminder> forOpenedDeadlines(Project project, List<Deadline> opened, LocalDate today) {
        if (opened.isEmpty()) {
            return List.of();
        }
        Schedules schedules = new Schedules(today);
        ReminderSchedule schedule = schedules.of(project.policyId());
        Recipients recipients = new Recipients();
        AccountablePeople people = project.profile().people();
        Target target = new Target(project.id(), project.unit(), project.profile().name(), project.isClassified(),
                people == null ? null : people.leader(), people == null ? null : people.responsible());
        List<PlannedReminder> planned = new ArrayList<>();
        for (Deadline d : opened) {
            if (!d.isOpen()) {
                continue;
            }
            for (Reminder r : schedule.on(today, d.kind(), d.start(), d.due())) {
                addAll(planned, d.id(), d.kind(), d.due(), r, target, recipients, schedules.pack(project.policyId()));
            }
        }
        return planned;
    }

    /**
     * Reads only the open deadlines due on the days that may have a reminder today under some policy pack
     * ({@link ReminderSchedule#mayRemindOn}) — the days a few offsets ahead and the overdue days on an escalation's
     * turn — and checks each against its own pack.
     */
    @Override
    public long planDay(LocalDate day, Consumer<List<PlannedReminder>> sink) {
        Objects.requireNonNull(day, "day");
        Schedules schedules = new Schedules(day);
        Recipients recipients = new Recipients();
        SortedSet<LocalDate> dueDays = dueDaysThatMatter(day);
        long count = 0;
        DueCursor cursor = null;
        while (!dueDays.isEmpty()) {
            List<DueDeadline> page = dueDeadlines.openDueOn(dueDays, cursor, PAGE);
            List<PlannedReminder> batch = new ArrayList<>();
            for (DueDeadline due : page) {
                Deadline d = due.deadline();
                List<Reminder> reminders = schedules.of(due.policyId()).on(day, d.kind(), d.start(), d.due());
                if (reminders.isEmpty()) {
                    continue;
                }
                Target target = new Target(due.projectId(), due.unit(), due.projectName(), due.classified(),
                        due.leader(), due.responsible());
                for (Reminder r : reminders) {
                    addAll(batch, d.id(), d.kind(), d.due(), r, target, recipients, schedules.pack(due.policyId()));
                }
            }
            if (!batch.isEmpty()) {
                sink.accept(batch);
                count += batch.size();
            }
            if (page.size() < PAGE) {
                break;
            }
            DueDeadline last = page.get(page.size() - 1);
            cursor = new DueCursor(last.deadline().due(), last.deadline().id());
        }
        return count + windowClosing(day, sink, recipients);
    }

    /**
     * Walks the missed days from the last back to the first, after today's, and keeps a reminder only when no later
     * day (nor today) has one for its deadline and audience: so each is the latest of its kind. Every day is planned
     * as {@link #planDay} plans it, against the deadlines open now.
     */
    @Override
    public long planMissedDays(LocalDate from, LocalDate to, LocalDate today, Consumer<List<PlannedReminder>> sink) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(sink, "sink");
        if (!to.isBefore(today)) {
            throw new IllegalArgumentException("missed days end before today: " + to + " is not before " + today);
        }
        Set<String> later = new HashSet<>();
        planDay(today, batch -> batch.forEach(p -> later.add(latestKey(p))));
        long count = 0;
        for (LocalDate day = to; !day.isBefore(from); day = day.minusDays(1)) {
            Set<String> ofDay = new HashSet<>();
            long[] kept = {0};
            planDay(day, batch -> {
                List<PlannedReminder> latest = new ArrayList<>();
                for (PlannedReminder p : batch) {
                    String key = latestKey(p);
                    ofDay.add(key);
                    if (!later.contains(key)) {
                        latest.add(p);
                    }
                }
                if (!latest.isEmpty()) {
                    sink.accept(latest);
                    kept[0] += latest.size();
                }
            });
            later.addAll(ofDay);
            count += kept[0];
        }
        return count;
    }

    /** A deadline and an audience: of the reminders after downtime, only the latest of each goes out. */
    private static String latestKey(PlannedReminder p) {
        return p.deadlineId() + "/" + p.reminder().audience();
    }

    /**
     * The due days, from the earliest open deadline's to the last a reminder offset reaches, on which a deadline may
     * have a reminder on {@code day} under any of the policy packs.
     */
    SortedSet<LocalDate> dueDaysThatMatter(LocalDate day) {
        SortedSet<LocalDate> days = new TreeSet<>();
        Optional<LocalDate> earliest = dueDeadlines.earliestOpenDue();
        if (earliest.isEmpty()) {
            return days;
        }
        List<ReminderSchedule> all = policies.policies().packs().stream()
                .map(p -> ReminderSchedule.of(p, calendar.calendar())).toList();
        int horizon = all.stream().mapToInt(ReminderSchedule::maxOffsetDays).max().orElse(0)
                + ReminderSchedule.MAX_SHIFT_DAYS;
        LocalDate last = day.plusDays(horizon);
        for (LocalDate due = earliest.get(); !due.isAfter(last); due = due.plusDays(1)) {
            for (ReminderSchedule schedule : all) {
                if (schedule.mayRemindOn(day, due)) {
                    days.add(due);
                    break;
                }
            }
        }
        return days;
    }

    /** The reminders name each project's unit by its full name (太仓市公安局), never by its code. */
    public ReminderPlanningService namedBy(cn.egov.projects.application.port.out.UnitPort units) {
        this.units = Objects.requireNonNull(units, "units");
        return this;
    }

    /** A unit's full name, or null when not known. */
    String unitName(UnitId unit) {
        cn.egov.projects.application.port.out.UnitPort port = units;
        if (port == null || unit == null) {
            return null;
        }
        String name = unitNames.get(unit);
        if (name == null) {
            Map<UnitId, String> all = new HashMap<>();
            port.all().forEach(u -> all.put(u.id(), u.nameZh()));
            unitNames = Map.copyOf(all);
            name = all.get(unit);
        }
        return name;
    }

    /** Art. 7: units holding drafts of the plan year hear of the declaration window's closing. */
    private long windowClosing(LocalDate day, Consumer<List<PlannedReminder>> sink, Recipients recipients) {
        Optional<DeclarationWindow> found = windows.find(day.getYear() + 1);
        if (found.isEmpty() || day.isAfter(found.get().closesOn()) || day.isBefore(found.get().opensOn())) {
            return 0;
        }
        DeclarationWindow window = found.get();
        PolicyPack pack = policies.policies().inForceOn(day);
        List<Reminder> reminders = ReminderSchedule.of(pack, calendar.calendar())
                .on(day, DeadlineKind.WINDOW_CLOSING, window.opensOn(), window.closesOn());
        if (reminders.isEmpty()) {
            return 0;
        }
        ProjectListScope everything = new ProjectListScope(Optional.empty(), true, Set.of(), Optional.empty(), true);
        ProjectListFilter drafts = new ProjectListFilter(Optional.of(window.planYear()), Optional.empty(),
                Optional.of(ProjectState.DRAFT), Optional.empty());
        long count = 0;
        for (int pageNo = 1; ; pageNo++) {
            Page<ProjectSummary> page = projects.list(everything, drafts, pageNo, DRAFT_PAGE);
            List<PlannedReminder> batch = new ArrayList<>();
            for (ProjectSummary draft : page.items()) {
                UUID key = windowClosingKey(window.planYear(), draft.id());
                Person responsible = load.load(draft.id()).map(p -> p.profile().people())
                        .map(AccountablePeople::responsible).orElse(null);
                List<ReminderRecipient> to = responsible != null ? List.of(recipients.person(responsible, draft.unit()))
                        : recipients.unitStaff(draft.unit());
                for (Reminder r : reminders) {
                    for (ReminderRecipient recipient : to) {
                        batch.add(new PlannedReminder(key, DeadlineKind.WINDOW_CLOSING, draft.id(), draft.name(),
                                draft.classified(), window.closesOn(),
                                pack.articleZh(DeadlineKind.WINDOW_CLOSING.provision()), r, recipient,
                                unitName(draft.unit())));
                    }
                }
            }
            if (!batch.isEmpty()) {
                sink.accept(batch);
                count += batch.size();
            }
            if ((long) pageNo * DRAFT_PAGE >= page.total() || page.items().isEmpty()) {
                return count;
            }
        }
    }

    private void addAll(List<PlannedReminder> out, UUID deadlineId, DeadlineKind kind, LocalDate due,
                        Reminder r, Target target, Recipients recipients, PolicyPack pack) {
        String article = pack.articleZh(kind.provision());
        String unit = target.classified() ? null : unitName(target.unit());
        for (ReminderRecipient to : recipients.of(r, target)) {
            out.add(new PlannedReminder(deadlineId, kind, target.project(), target.name(), target.classified(), due,
                    article, r, to, unit));
        }
    }

    static ReminderRecipient recipient(Person p) {
        return new ReminderRecipient(p.name(), p.email(), p.mobile());
    }

    /** What a reminder needs of its project. */
    private record Target(ProjectId project, UnitId unit, String name, boolean classified, Person leader,
                          Person responsible) {
    }

    /** The reminder schedule of each policy pack, computed once per pass. */
    private final class Schedules {
        private final LocalDate day;
        private final PolicyHistory history = policies.policies();
        private final WorkingDayCalendar workingDays = calendar.calendar();
        private final Map<String, ReminderSchedule> byPolicy = new HashMap<>();

        Schedules(LocalDate day) {
            this.day = day;
        }

        /** The pack a project is judged by, which numbers the article a reminder cites. */
        PolicyPack pack(String policyId) {
            return history.forProject(policyId, day);
        }

        ReminderSchedule of(String policyId) {
            return byPolicy.computeIfAbsent(policyId == null ? "" : policyId,
                    id -> ReminderSchedule.of(history.forProject(policyId, day), workingDays));
        }
    }

    /** People by audience; the accounts of the Bureau and of units are read once per pass. */
    private final class Recipients {
        private List<Account> bureau;
        private final Map<UnitId, List<ReminderRecipient>> unitStaff = new HashMap<>();
        private final Map<UnitId, List<Account>> unitAccounts = new HashMap<>();

        List<ReminderRecipient> of(Reminder reminder, Target target) {
            return switch (reminder.audience()) {
                case RESPONSIBLE -> target.responsible() != null
                        ? List.of(person(target.responsible(), target.unit()))
                        : unitStaff(target.unit());
                case LEADER -> target.leader() != null ? List.of(person(target.leader(), target.unit())) : List.of();
                case BUREAU -> bureau(target);
            };
        }

        private List<ReminderRecipient> bureau(Target target) {
            if (bureau == null) {
                bureau = accounts.findEnabledByRole(Role.BDB_OFFICER, Optional.empty());
            }
            Map<String, ReminderRecipient> out = new LinkedHashMap<>();
            for (Account a : bureau) {
                // Art. 27: a classified project concerns only the officers explicitly assigned to it
                if (target.classified() && !a.assigned().contains(target.project())) {
                    continue;
                }
                // an account is always reachable: its inbox, whatever its addresses
                out.putIfAbsent(a.userId(), new ReminderRecipient(a.displayName(), a.email(), a.mobile(), a.userId()));
            }
            return List.copyOf(out.values());
        }

        List<ReminderRecipient> unitStaff(UnitId unit) {
            return unitStaff.computeIfAbsent(unit, u -> {
                List<ReminderRecipient> staff = new ArrayList<>();
                for (Account a : unitAccounts(u)) {
                    staff.add(new ReminderRecipient(a.displayName(), a.email(), a.mobile(), a.userId()));
                }
                return List.copyOf(staff);
            });
        }

        private List<Account> unitAccounts(UnitId unit) {
            return unitAccounts.computeIfAbsent(unit, u -> {
                List<Account> all = new ArrayList<>();
                for (Role role : List.of(Role.UNIT_STAFF, Role.UNIT_LEADER)) {
                    all.addAll(accounts.findEnabledByRole(role, Optional.of(u)));
                }
                return List.copyOf(all);
            });
        }

        /**
         * An accountable person (责任人, 分管领导) at their addresses, with the account of their unit that has the same
         * e-mail address or mobile number when there is one: the reminder then also lands in that account's inbox.
         */
        ReminderRecipient person(Person p, UnitId unit) {
            ReminderRecipient r = recipient(p);
            if (unit == null || (r.email() == null && r.mobile() == null)) {
                return r;
            }
            for (Account a : unitAccounts(unit)) {
                boolean sameEmail = r.email() != null && a.email() != null && r.email().equalsIgnoreCase(a.email().trim());
                boolean sameMobile = r.mobile() != null && a.mobile() != null && r.mobile().equals(a.mobile().trim());
                if (sameEmail || sameMobile) {
                    return new ReminderRecipient(r.name(), r.email(), r.mobile(), a.userId());
                }
            }
            return r;
        }
    }

    /**
     * The key that stands for a draft's deadline "declare before the window of its plan year closes" (a reminder-only
     * deadline, not one of the project's): its reminders are planned under it, and declaring the draft meets it.
     */
    public static UUID windowClosingKey(int planYear, cn.egov.projects.domain.project.ProjectId draft) {
        return UUID.nameUUIDFromBytes(("WINDOW_CLOSING/" + planYear + "/" + draft).getBytes(StandardCharsets.UTF_8));
    }
}
