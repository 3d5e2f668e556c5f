package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.DrawCommand;
import cn.egov.projects.application.port.in.ExpertCommand;
import cn.egov.projects.application.port.in.ExpertPoolUseCase;
import cn.egov.projects.application.port.in.ExpertReviewUseCase;
import cn.egov.projects.application.port.in.OpinionCommand;
import cn.egov.projects.application.port.out.AccessChangesPort;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AccountPort;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.ExpertDrawPort;
import cn.egov.projects.application.port.out.ExpertPoolPort;
import cn.egov.projects.application.port.out.ProjectAssignmentPort;
import cn.egov.projects.domain.access.AccessPolicy;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.AssignmentPurpose;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.expert.DrawPurpose;
import cn.egov.projects.domain.expert.DrawRequest;
import cn.egov.projects.domain.expert.DrawSubject;
import cn.egov.projects.domain.expert.Expert;
import cn.egov.projects.domain.expert.ExpertDraw;
import cn.egov.projects.domain.expert.ExpertDrawing;
import cn.egov.projects.domain.expert.Vendor;
import cn.egov.projects.domain.expert.Verdict;
import cn.egov.projects.domain.policy.AcceptanceStage;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.Contract;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.rule.Articles;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.domain.rule.RuleCode;
import cn.egov.projects.domain.rule.Violation;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The expert pool (专家库) and the draws of experts (Art. 8, 24; RULES.md §1).
 * <ul>
 *     <li>The Bureau keeps the pool: experts linked to {@code EXPERT} accounts, with fields, employer and declared
 *     relations. Audit reads it.</li>
 *     <li>The Bureau draws a declared project's review experts (declared or under review) at random with avoidance
 *     ({@link ExpertDrawing}); the seed comes from {@link SecureRandom} and is recorded with the pool snapshot, the
 *     subject avoided, the exclusions and their reasons, the experts drawn and the reserves in order, who drew and
 *     when, so that {@link #replay} can check the draw. Where the pack says so
 *     ({@link PolicyPack#acceptanceExpertsDrawn()}) the acceptance experts are drawn the same way once the project
 *     runs on trial, by whoever records the stage of acceptance held next ({@code recordedBy}): the unit, or the
 *     Bureau for a stage it records; the other side is refused citing the stage's article. A unit never draws, sees or changes the reviewers of its own project.</li>
 *     <li>A drawn expert sees the project's name and unit and signs the conflict declaration (回避声明) before the
 *     project itself is shown: signing names the expert to the project through the assignment port; declining calls
 *     the next reserve. The expert records an opinion and score; when the Bureau records the review opinion
 *     ({@link ApprovalService#recordReview}) the panel's opinions make it, the draw is closed and the experts no
 *     longer see the project.</li>
 * </ul>
 * Each change is audited in its transaction; the accounts whose access changed are told after it commits.
 */
public final class ExpertService implements ExpertPoolUseCase, ExpertReviewUseCase {

    /** Audit codes of the experts' own steps, which a unit does not read while its project's review runs. */
    static final String POOL_ACTION = "EXPERT_POOL";
    static final String DECLARATION_ACTION = "EXPERT_DECLARATION";
    static final String DECLINE_ACTION = "EXPERT_DECLINE";
    static final String OPINION_ACTION = "EXPERT_OPINION";

    private final Lifecycle lifecycle;
    private final AccountPort accounts;
    private final ProjectAssignmentPort assignments;
    private final AccessChangesPort changes;
    private final ExpertPoolPort pool;
    private final ExpertDrawPort draws;
    private final SecureRandom random = new SecureRandom();

    public ExpertService(Ports ports, AccountPort accounts, ProjectAssignmentPort assignments,
                         AccessChangesPort changes, ExpertPoolPort pool, ExpertDrawPort draws) {
        this.lifecycle = new Lifecycle(ports);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.assignments = Objects.requireNonNull(assignments, "assignments");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.draws = Objects.requireNonNull(draws, "draws");
    }

    // ------------------------------------------------------------------------------------------------ the pool

    @Override
    public List<Expert> experts(Caller caller) {
        requirePoolReader(caller);
        return lifecycle.ports().tx().inTransaction(pool::all);
    }

    @Override
    public Expert addExpert(Caller caller, ExpertCommand command) {
        requirePoolKeeper(caller);
        return lifecycle.ports().tx().inTransaction(() -> {
            Account account = expertAccount(command.userId());
            if (pool.findByUser(account.userId()).isPresent()) {
                throw new InvalidCommandException("userId", "账号「" + account.displayName() + "」已在专家库中");
            }
            Expert expert = expert(UUID.randomUUID().toString(), account, command);
            pool.insert(expert);
            auditPool(caller, "专家库新增专家「" + expert.name() + "」（" + expert.fieldsZh() + "）");
            return expert;
        });
    }

    @Override
    public Expert updateExpert(Caller caller, String expertId, ExpertCommand command) {
        requirePoolKeeper(caller);
        return lifecycle.ports().tx().inTransaction(() -> {
            Expert before = pool.find(expertId).orElseThrow(() -> new NotFoundException("专家库中没有该专家"));
            Account account = expertAccount(command.userId());
            Optional<Expert> other = pool.findByUser(account.userId());
            if (other.isPresent() && !other.get().id().equals(expertId)) {
                throw new InvalidCommandException("userId", "账号「" + account.displayName() + "」已是专家库中另一位专家");
            }
            Expert expert = expert(before.id(), account, command);
            pool.update(expert);
            auditPool(caller, "专家库修改专家「" + expert.name() + "」（" + expert.fieldsZh() + "，"
                    + (expert.active() ? "启用" : "停用") + "）");
            return expert;
        });
    }

    private Account expertAccount(String userId) {
        // the account's id, or its username (the Bureau does not list accounts; it knows the expert's username)
        Account account = accounts.findById(userId).or(() -> accounts.findByUsername(userId))
                .orElseThrow(() -> new InvalidCommandException("userId", "账号不存在"));
        if (account.role() != Role.EXPERT) {
            throw new InvalidCommandException("userId", "专家库只收录专家账号，「" + account.displayName() + "」是"
                    + account.role().zh());
        }
        return account;
    }

    private static Expert expert(String id, Account account, ExpertCommand c) {
        return new Expert(id, account.userId(), c.name(), c.fields(), c.employer(), c.employerUnit(), c.relatedUnits(),
                c.relatedVendors(), c.active());
    }

    private void requirePoolKeeper(Caller caller) {
        if (caller.actor().role() != Role.BDB_OFFICER) {
            throw new ForbiddenException(forbidden(caller, "「管理专家库」由" + Role.BDB_OFFICER.zh() + "办理"));
        }
    }

    private void requirePoolReader(Caller caller) {
        Role role = caller.actor().role();
        if (role != Role.BDB_OFFICER && role != Role.AUDIT) {
            throw new ForbiddenException(forbidden(caller, "「查看专家库」由" + Role.BDB_OFFICER.zh() + "、"
                    + Role.AUDIT.zh() + "办理"));
        }
    }

    private Violation forbidden(Caller caller, String detail) {
        PolicyPack pack = lifecycle.packInForce();
        return caller.actor().role().isUnitRole() ? pack.violation(RuleCode.ART8_REVIEW_EXPERTS, detail)
                : pack.violation(RuleCode.ART4_ROLE, detail);
    }

    // ------------------------------------------------------------------------------------------------ the draws

    @Override
    public ExpertDraw draw(Caller caller, ProjectId id, DrawCommand command) {
        return lifecycle.ports().tx().inTransaction(() -> {
            Project project = lifecycle.loadFor(caller, id, Action.VIEW_PROJECT);
            PolicyPack pack = pack(project);
            DrawPurpose purpose = purposeOf(caller, project, pack);
            if (project.isClassified()) {
                throw new RefusedException(Lifecycle.unnamed(project, List.of(pack.violation(
                        RuleCode.ART27_CLASSIFIED, "涉密项目的专家由保密部门指定进入知悉范围，不经专家库随机抽取"))));
            }
            List<ExpertDraw> earlier = draws.forProject(project.id()).stream()
                    .filter(d -> d.purpose() == purpose).toList();
            DrawSubject subject = new DrawSubject(project.id(), project.unit(), vendors(project, command),
                    unavailable(earlier));
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            Actor actor = caller.actor();
            ExpertDraw draw = ExpertDraw.make(UUID.randomUUID().toString(), purpose, subject,
                    new DrawRequest(command.fields(), command.experts(), command.reserves()),
                    HexFormat.of().formatHex(seed), pool.all(), actor.userId(), actor.name(),
                    lifecycle.ports().clock().now());
            if (draw.isShort()) {
                String detail = "专家库中符合条件的专家只有" + draw.result().eligible() + "名，少于抽取人数"
                        + command.experts() + "名（已回避或不符" + draw.result().exclusions().size() + "名），请调整专业领域或人数";
                throw new RefusedException(List.of(violation(project, pack, purpose, detail)));
            }
            draws.insert(draw);
            lifecycle.audit(caller, action(purpose), lifecycle.context(project.policyId()).pack(), project.id(), project.state(), project.state(),
                    "随机抽取" + purpose.zh() + draw.seats().size() + "名、备选" + draw.result().reserves().size()
                            + "名（专业领域：" + draw.request().fields().stream().map(f -> f.zh())
                            .collect(Collectors.joining("、")) + "；回避或不符" + draw.result().exclusions().size()
                            + "名；抽取记录" + draw.id() + "）");
            return draw;
        });
    }

    /**
     * What the caller draws for: the Bureau reviewers; acceptance experts, where the pack says so, whoever records
     * the stage of acceptance held next ({@code recordedBy}: the unit, or the Bureau for a stage it records) — the
     * other side is refused citing the stage's article. A unit draws for acceptance only; the Bureau, once the
     * project runs on trial or awaits acceptance, for the acceptance too.
     */
    private DrawPurpose purposeOf(Caller caller, Project project, PolicyPack pack) {
        Role role = caller.actor().role();
        if (role.isUnitRole() && AccessPolicy.reviewRunning(project.state())) {
            throw new ForbiddenException(pack.violation(RuleCode.ART8_REVIEW_EXPERTS,
                    "评审专家由" + Role.BDB_OFFICER.zh() + "从专家库随机抽取，项目单位不得选择"));
        }
        boolean acceptance = role.isUnitRole()
                || role == Role.BDB_OFFICER && AssignmentPurpose.ACCEPTANCE.isOpenIn(project.state());
        if (acceptance) {
            lifecycle.require(caller, project, Action.ASSIGN_ACCEPTANCE_EXPERT);
            if (!pack.acceptanceExpertsDrawn()) {
                AcceptanceStage stage = project.nextAcceptanceStage(pack);
                throw new RefusedException(List.of(pack.violation(stage, "本办法下验收专家由"
                        + stage.recordedBy().zh() + "自行组织（指定验收专家），不经专家库抽取")));
            }
            if (!AssignmentPurpose.ACCEPTANCE.isOpenIn(project.state())) {
                throw new RefusedException(List.of(AssignmentPurpose.ACCEPTANCE.notOpenIn(project.state(), pack)));
            }
            return DrawPurpose.ACCEPTANCE;
        }
        lifecycle.require(caller, project, Action.ASSIGN_REVIEW_EXPERT);
        if (project.state() != ProjectState.DECLARED && project.state() != ProjectState.UNDER_REVIEW) {
            throw new RefusedException(List.of(pack.orderViolation(Action.ASSIGN_REVIEW_EXPERT.provision(),
                    "项目申报后、评审意见录入前方可抽取评审专家（项目当前状态：" + project.state().zh() + "）")));
        }
        return DrawPurpose.REVIEW;
    }

    private static List<Vendor> vendors(Project project, DrawCommand command) {
        List<Vendor> vendors = new ArrayList<>();
        for (Contract c : project.contracts()) {
            if (c.supplier() != null && !c.supplier().isBlank()) {
                vendors.add(Vendor.named(c.supplier()));
            }
        }
        vendors.addAll(command.bidders());
        return vendors;
    }

    /** The experts of earlier draws for the same purpose: who declined, and who sits on the panel already. */
    private static List<DrawSubject.Unavailable> unavailable(List<ExpertDraw> earlier) {
        Map<String, String> why = new LinkedHashMap<>();
        for (ExpertDraw d : earlier) {
            for (ExpertDraw.Seat s : d.seats()) {
                why.put(s.expertId(), s.isActive() ? (d.isOpen() ? "已在本项目的专家组中" : "已参加本项目此前的评审")
                        : "已谢绝本项目的抽取");
            }
        }
        return why.entrySet().stream().map(e -> new DrawSubject.Unavailable(e.getKey(), e.getValue())).toList();
    }

    /**
     * A refusal of a draw or of an expert's step: a review's cites Art. 8; an acceptance's is for the stage of
     * acceptance held next and cites that stage's own article (a preliminary acceptance its own, not the final one's).
     */
    private static Violation violation(Project project, PolicyPack pack, DrawPurpose purpose, String detail) {
        return purpose == DrawPurpose.REVIEW ? pack.violation(RuleCode.ART8_REVIEW_EXPERTS, detail)
                : pack.violation(project.nextAcceptanceStage(pack), detail);
    }

    private static Action action(DrawPurpose purpose) {
        return purpose == DrawPurpose.REVIEW ? Action.ASSIGN_REVIEW_EXPERT : Action.ASSIGN_ACCEPTANCE_EXPERT;
    }

    @Override
    public List<ExpertDraw> draws(Caller caller, ProjectId id) {
        return lifecycle.ports().tx().inTransaction(() -> {
            Project project = lifecycle.readFor(caller, id, "专家抽取记录");
            return draws.forProject(project.id()).stream().filter(d -> mayRead(caller, project, d)).toList();
        });
    }

    @Override
    public Replay replay(Caller caller, String drawId) {
        return lifecycle.ports().tx().inTransaction(() -> {
            ExpertDraw draw = draws.findDraw(drawId).orElseThrow(() -> new NotFoundException("抽取记录不存在或不在您的办理范围内"));
            Project project = lifecycle.loadFor(caller, draw.project(), Action.VIEW_PROJECT);
            if (!mayRead(caller, project, draw)) {
                throw new NotFoundException("抽取记录不存在或不在您的办理范围内");
            }
            ExpertDrawing.Result replayed = draw.replay();
            return new Replay(draw, replayed, replayed.equals(draw.result()));
        });
    }

    /**
     * Who reads a draw's record: the Bureau and Audit every one; a unit the acceptance draws of its own project and
     * never a review draw (Art. 8: it neither chooses nor, before the review ends, sees its reviewers; afterwards
     * their names are in the review opinion). Refused outright for the other roles.
     */
    private boolean mayRead(Caller caller, Project project, ExpertDraw draw) {
        Role role = caller.actor().role();
        if (role == Role.BDB_OFFICER || role == Role.AUDIT) {
            return true;
        }
        if (role.isUnitRole()) {
            return draw.purpose() == DrawPurpose.ACCEPTANCE;
        }
        throw new ForbiddenException(forbidden(caller, "「查看专家抽取记录」由" + Role.BDB_OFFICER.zh() + "、"
                + Role.AUDIT.zh() + "办理"));
    }

    // ------------------------------------------------------------------------------------------ the expert's side

    @Override
    public List<Invitation> myInvitations(Caller caller) {
        requireExpert(caller);
        String userId = caller.actor().userId();
        return lifecycle.ports().tx().inTransaction(() -> draws.open().stream()
                .filter(d -> d.seatOf(userId).filter(ExpertDraw.Seat::isActive).isPresent())
                .map(d -> invitation(d, userId)).toList());
    }

    @Override
    public Invitation declare(Caller caller, ProjectId project) {
        return seatChange(caller, project, DECLARATION_ACTION, "专家签署回避声明",
                (d, at) -> d.declare(caller.actor().userId(), at), true);
    }

    @Override
    public Invitation decline(Caller caller, ProjectId project, String reason) {
        String why = cn.egov.projects.application.port.in.Check.text(reason, "reason", "谢绝或回避理由", 500);
        return seatChange(caller, project, DECLINE_ACTION, "专家谢绝或回避（" + why + "）",
                (d, at) -> d.decline(caller.actor().userId(), why, at), false);
    }

    @Override
    public Invitation recordOpinion(Caller caller, ProjectId project, OpinionCommand command) {
        return seatChange(caller, project, OPINION_ACTION,
                "专家提交意见：" + command.verdict().zh() + "，评分" + command.score(),
                (d, at) -> d.recordOpinion(caller.actor().userId(), new ExpertDraw.Opinion(command.verdict(),
                        command.score(), command.comments(), at)), null);
    }

    @FunctionalInterface
    private interface SeatChange {
        ExpertDraw apply(ExpertDraw draw, Instant at);
    }

    /**
     * Changes the caller's seat on the project's open draw; {@code named} true names the expert to the project,
     * false removes them, null leaves the naming as it is. A project the expert has no seat on does not exist for them.
     */
    private Invitation seatChange(Caller caller, ProjectId id, String action, String summary, SeatChange change,
                                  Boolean named) {
        requireExpert(caller);
        String userId = caller.actor().userId();
        List<String> changed = new ArrayList<>();
        Invitation result = lifecycle.ports().tx().inTransaction(() -> {
            ExpertDraw draw = draws.open().stream().filter(d -> d.project().equals(id))
                    .filter(d -> d.seatOf(userId).filter(ExpertDraw.Seat::isActive).isPresent()).findFirst()
                    .orElseThrow(Lifecycle::notFound);
            Project project = lifecycle.ports().load().load(id).orElseThrow(Lifecycle::notFound);
            ExpertDraw next;
            try {
                next = change.apply(draw, lifecycle.ports().clock().now());
            } catch (ExpertDraw.NotAllowed e) {
                throw new RefusedException(List.of(violation(project, pack(project), draw.purpose(), e.getMessage())));
            }
            if (next == draw) {
                return invitation(draw, userId);
            }
            if (!draws.update(next)) {
                throw new ConcurrentChangeException("draw " + draw.id() + " changed meanwhile");
            }
            AssignmentPurpose purpose = draw.purpose() == DrawPurpose.REVIEW ? AssignmentPurpose.REVIEW
                    : AssignmentPurpose.ACCEPTANCE;
            if (Boolean.TRUE.equals(named) && assignments.assign(userId, id, purpose)) {
                changed.add(userId);
            } else if (Boolean.FALSE.equals(named) && assignments.unassign(userId, id)) {
                changed.add(userId);
            }
            audit(caller, action, pack(project).articleZh(draw.purpose().provision()), project, summary);
            return next.seatOf(userId).filter(ExpertDraw.Seat::isActive).isPresent() ? invitation(next, userId)
                    : new Invitation(next, next.seatOf(userId).orElseThrow(), project.profile().name(),
                    project.unit().code());
        });
        changed.forEach(changes::accessChanged);
        return result;
    }

    private Invitation invitation(ExpertDraw draw, String userId) {
        Project project = lifecycle.ports().load().load(draw.project()).orElseThrow(Lifecycle::notFound);
        ExpertDraw.Seat seat = draw.seats().stream().filter(s -> s.userId().equals(userId) && s.isActive())
                .findFirst().orElseGet(() -> draw.seatOf(userId).orElseThrow());
        return new Invitation(draw, seat, project.profile().name(), project.unit().code());
    }

    private void requireExpert(Caller caller) {
        if (caller.actor().role() != Role.EXPERT) {
            throw new ForbiddenException(forbidden(caller, "「签署回避声明、提交专家意见」由" + Role.EXPERT.zh() + "办理"));
        }
    }

    // ------------------------------------------------------------------- the review opinion (ApprovalService)

    /** The panel of a project's open review draws, for the Bureau's review opinion. */
    record Panel(List<String> experts, String summaryZh, Violation missing) {
    }

    /** The project's review panel, or empty when its reviewers were not drawn (their names are typed then). */
    Optional<Panel> reviewPanel(Project project, PolicyPack pack) {
        List<ExpertDraw> open = draws.forProject(project.id()).stream()
                .filter(d -> d.purpose() == DrawPurpose.REVIEW && d.isOpen()).toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        List<ExpertDraw.Seat> seats = open.stream().flatMap(d -> d.activeSeats().stream()).toList();
        List<ExpertDraw.Seat> given = seats.stream().filter(s -> s.opinion() != null).toList();
        if (given.isEmpty() || given.size() < seats.size() && given.size() < pack.expertPanelMinimum()) {
            return Optional.of(new Panel(List.of(), "", pack.violation(RuleCode.ART8_REVIEW_REQUIRED,
                    "抽取的评审专家已提交意见" + given.size() + "名，应由全部" + seats.size() + "名未回避的专家或不少于"
                            + pack.expertPanelMinimum() + "名专家提交意见")));
        }
        Map<Verdict, Long> counts = given.stream().collect(Collectors.groupingBy(s -> s.opinion().verdict(),
                () -> new java.util.EnumMap<>(Verdict.class), Collectors.counting()));
        OptionalDouble average = given.stream().mapToInt(s -> s.opinion().score()).average();
        StringBuilder summary = new StringBuilder("专家组意见汇总：").append(given.size()).append("名专家提交意见（");
        summary.append(java.util.Arrays.stream(Verdict.values())
                .map(v -> v.zh() + counts.getOrDefault(v, 0L) + "名").collect(Collectors.joining("、")));
        summary.append("），平均分").append(String.format(java.util.Locale.ROOT, "%.1f", average.orElse(0)))
                .append("分。");
        for (ExpertDraw.Seat s : given) {
            summary.append(s.name()).append("：").append(s.opinion().verdict().zh()).append("，")
                    .append(s.opinion().score()).append("分；");
        }
        return Optional.of(new Panel(given.stream().map(ExpertDraw.Seat::name).toList(), summary.toString(), null));
    }

    /** The review has ended: its draws close and their experts see the project no more. @return who lost access */
    List<String> reviewEnded(Project project) {
        List<String> changed = new ArrayList<>();
        Instant now = lifecycle.ports().clock().now();
        for (ExpertDraw d : draws.forProject(project.id())) {
            if (d.purpose() != DrawPurpose.REVIEW || !d.isOpen()) {
                continue;
            }
            if (!draws.update(d.close(now))) {
                throw new ConcurrentChangeException("draw " + d.id() + " changed meanwhile");
            }
            for (ExpertDraw.Seat s : d.seats()) {
                boolean namedForReview = assignments.assignedTo(project.id()).stream()
                        .anyMatch(a -> a.account().userId().equals(s.userId())
                                && a.purpose() == AssignmentPurpose.REVIEW);
                if (namedForReview && assignments.unassign(s.userId(), project.id())) {
                    changed.add(s.userId());
                }
            }
        }
        return changed;
    }

    void accessChanged(List<String> userIds) {
        userIds.forEach(changes::accessChanged);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private PolicyPack pack(Project project) {
        return lifecycle.ports().policies().policies().forProject(project.policyId(), lifecycle.today());
    }

    private void audit(Caller caller, String action, String article, Project project, String summary) {
        Actor actor = caller.actor();
        lifecycle.ports().audit().append(new AuditRecord(lifecycle.ports().clock().now(), actor.userId(),
                actor.role(), actor.unit().code(), action, article, project.id().toString(),
                project.state(), project.state(), caller.requestId(), caller.sourceAddress(), summary));
    }

    private void auditPool(Caller caller, String summary) {
        Actor actor = caller.actor();
        lifecycle.ports().audit().append(new AuditRecord(lifecycle.ports().clock().now(), actor.userId(),
                actor.role(), actor.unit().code(), POOL_ACTION, lifecycle.packInForce().articleZh(Provision.REVIEW_AND_APPROVAL), null, null, null,
                caller.requestId(), caller.sourceAddress(), summary));
    }

}
