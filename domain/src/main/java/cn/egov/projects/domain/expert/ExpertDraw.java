package cn.egov.projects.domain.expert;

import cn.egov.projects.domain.project.ProjectId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;

/**
 * One recorded draw of experts for a project (Art. 8 review, Art. 24 acceptance) and the panel it made: everything
 * the draw was made from (the pool snapshot, the subject avoided, the request, the seed), what it gave (the exclusions
 * with their reasons, the experts drawn and the reserves in order), who drew and when — and then each drawn expert's
 * conflict declaration (回避声明) or refusal, the reserves who replaced those who declined, in order, and the experts'
 * opinions and scores, until the review ends ({@link #close}). Immutable: each change gives the next version.
 *
 * @param seed 64 hex digits: the 32 bytes drawn from {@code SecureRandom} when the draw was made
 */
public record ExpertDraw(String id, ProjectId project, DrawPurpose purpose, DrawRequest request, DrawSubject subject,
                         String seed, List<Expert> pool, ExpertDrawing.Result result, String drawnBy,
                         String drawnByName, Instant drawnAt, List<Seat> seats, List<Replacement> replacements,
                         Instant closedAt, long version) {

    /** Where a seat is in its life. */
    public enum SeatStatus {
        /** Drawn; has neither declared nor declined. */
        INVITED("待签署回避声明"),
        /** Signed the conflict declaration: sees the project and gives an opinion. */
        DECLARED("已签署回避声明"),
        /** Declined (a conflict, or unavailable); a reserve takes the seat where one is left. */
        DECLINED("已回避或谢绝");

        private final String zh;

        SeatStatus(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    /** An expert's opinion and score (0–100). */
    public record Opinion(Verdict verdict, int score, String comments, Instant at) {
        public Opinion {
            Objects.requireNonNull(verdict, "verdict");
            if (score < 0 || score > 100) {
                throw new IllegalArgumentException("score must be 0..100: " + score);
            }
            comments = comments == null ? "" : comments.strip();
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A place on the panel.
     *
     * @param reserve 0 for an expert drawn, n for the n-th reserve who took the seat of one who declined
     */
    public record Seat(String expertId, String userId, String name, int reserve, SeatStatus status,
                       Instant declaredAt, String declaration, Instant declinedAt, String declineReason,
                       Opinion opinion) {

        public Seat {
            Objects.requireNonNull(expertId, "expertId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(status, "status");
        }

        static Seat invited(Expert e, int reserve) {
            return new Seat(e.id(), e.userId(), e.name(), reserve, SeatStatus.INVITED, null, null, null, null, null);
        }

        public boolean isActive() {
            return status != SeatStatus.DECLINED;
        }
    }

    /** An expert who declined, and the reserve who took the seat (null when none was left). */
    public record Replacement(String declinedExpertId, String reserveExpertId, Instant at) {
    }

    /** A change the draw's state does not allow, with the reason in Chinese. */
    public static final class NotAllowed extends RuntimeException {
        public NotAllowed(String messageZh) {
            super(messageZh);
        }
    }

    /** The conflict declaration an expert signs before seeing the project. */
    public static final String DECLARATION_ZH = "本人承诺：与项目实施单位、项目供应商及投标人无利害关系，"
            + "不存在应当回避的情形；对评审中知悉的信息予以保密。";

    public ExpertDraw {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(seed, "seed");
        pool = List.copyOf(pool);
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(drawnBy, "drawnBy");
        Objects.requireNonNull(drawnAt, "drawnAt");
        seats = List.copyOf(seats);
        replacements = replacements == null ? List.of() : List.copyOf(replacements);
    }

    /** Draws from the pool snapshot; the panel is the experts drawn, each invited to declare. */
    public static ExpertDraw make(String id, DrawPurpose purpose, DrawSubject subject, DrawRequest request, String seed,
                                  List<Expert> pool, String drawnBy, String drawnByName, Instant at) {
        ExpertDrawing.Result result = ExpertDrawing.draw(seed, pool, subject, request);
        List<Seat> seats = result.drawn().stream()
                .map(eid -> Seat.invited(ExpertDrawing.find(pool, eid).orElseThrow(), 0)).toList();
        return new ExpertDraw(id, subject.project(), purpose, request, subject, seed, pool, result, drawnBy,
                drawnByName, at, seats, List.of(), null, 0);
    }

    /** Whether fewer experts were eligible than the request asks for. */
    public boolean isShort() {
        return result.drawn().size() < request.experts();
    }

    /** The draw made again from what is recorded with it. */
    public ExpertDrawing.Result replay() {
        return ExpertDrawing.draw(seed, pool, subject, request);
    }

    /** Whether replaying the draw gives exactly the exclusions, experts and reserves recorded. */
    public boolean replays() {
        return replay().equals(result);
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    public Optional<Seat> seatOf(String userId) {
        return seats.stream().filter(s -> s.userId().equals(userId)).findFirst();
    }

    /** The seats of experts who have not declined. */
    public List<Seat> activeSeats() {
        return seats.stream().filter(Seat::isActive).toList();
    }

    /** The reserves not yet called, in order. */
    public List<String> reservesLeft() {
        long used = replacements.stream().filter(r -> r.reserveExpertId() != null).count();
        return result.reserves().subList((int) Math.min(used, result.reserves().size()), result.reserves().size());
    }

    /** The average score of the opinions given by experts who have not declined, when any. */
    public OptionalDouble averageScore() {
        return activeSeats().stream().filter(s -> s.opinion() != null).mapToInt(s -> s.opinion().score()).average();
    }

    /** The expert signs the conflict declaration. */
    public ExpertDraw declare(String userId, Instant at) {
        return change(userId, s -> {
            if (s.status() == SeatStatus.DECLINED) {
                throw new NotAllowed("您已谢绝本次" + purpose.zh() + "邀请");
            }
            if (s.status() == SeatStatus.DECLARED) {
                return s;
            }
            return new Seat(s.expertId(), s.userId(), s.name(), s.reserve(), SeatStatus.DECLARED, at, DECLARATION_ZH,
                    null, null, null);
        }, List.of());
    }

    /** The expert declines (a conflict, or unavailable); the next reserve, if any, takes the seat. */
    public ExpertDraw decline(String userId, String reason, Instant at) {
        Seat seat = seatOf(userId).orElseThrow(() -> new NotAllowed("您不在本项目的专家组中"));
        if (seat.status() == SeatStatus.DECLINED) {
            return this;
        }
        if (seat.opinion() != null) {
            throw new NotAllowed("您已提交意见，不能再谢绝");
        }
        List<String> left = reservesLeft();
        String reserveId = left.isEmpty() ? null : left.get(0);
        List<Seat> next = new ArrayList<>();
        for (Seat s : seats) {
            next.add(s.userId().equals(userId) ? new Seat(s.expertId(), s.userId(), s.name(), s.reserve(),
                    SeatStatus.DECLINED, s.declaredAt(), s.declaration(), at, reason, null) : s);
        }
        if (reserveId != null) {
            Expert reserve = ExpertDrawing.find(pool, reserveId).orElseThrow();
            next.add(Seat.invited(reserve, result.reserves().indexOf(reserveId) + 1));
        }
        List<Replacement> reps = new ArrayList<>(replacements);
        reps.add(new Replacement(seat.expertId(), reserveId, at));
        return with(next, reps, closedAt);
    }

    /** The expert records (or corrects) an opinion and score; needs the declaration first. */
    public ExpertDraw recordOpinion(String userId, Opinion opinion) {
        return change(userId, s -> {
            if (s.status() != SeatStatus.DECLARED) {
                throw new NotAllowed(s.status() == SeatStatus.DECLINED ? "您已谢绝本次邀请"
                        : "请先签署回避声明，再提交意见");
            }
            return new Seat(s.expertId(), s.userId(), s.name(), s.reserve(), s.status(), s.declaredAt(),
                    s.declaration(), null, null, opinion);
        }, List.of());
    }

    /** The review (or acceptance) ends: the panel sees the project no more and changes no more. */
    public ExpertDraw close(Instant at) {
        return isOpen() ? with(seats, replacements, at) : this;
    }

    private ExpertDraw change(String userId, UnaryOperator<Seat> change, List<Replacement> added) {
        if (!isOpen()) {
            throw new NotAllowed("本次" + (purpose == DrawPurpose.REVIEW ? "评审" : "验收") + "已结束");
        }
        boolean found = false;
        List<Seat> next = new ArrayList<>();
        for (Seat s : seats) {
            if (s.userId().equals(userId) && s.isActive()) {
                next.add(change.apply(s));
                found = true;
            } else {
                next.add(s);
            }
        }
        if (!found) {
            Optional<Seat> declined = seatOf(userId);
            if (declined.isPresent()) {
                next = new ArrayList<>(seats);
                next.replaceAll(s -> s.userId().equals(userId) ? change.apply(s) : s);
            } else {
                throw new NotAllowed("您不在本项目的专家组中");
            }
        }
        List<Replacement> reps = new ArrayList<>(replacements);
        reps.addAll(added);
        return with(next, reps, closedAt);
    }

    private ExpertDraw with(List<Seat> seats, List<Replacement> replacements, Instant closedAt) {
        return new ExpertDraw(id, project, purpose, request, subject, seed, pool, result, drawnBy, drawnByName,
                drawnAt, seats, replacements, closedAt, version + 1);
    }
}
