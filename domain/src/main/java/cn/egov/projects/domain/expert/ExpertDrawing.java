package cn.egov.projects.domain.expert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The draw itself, a pure function of what is recorded with it — so that anyone can replay a recorded draw and
 * check it gives the same experts:
 * <ol>
 *     <li>every expert of the pool snapshot is checked in the snapshot's order against the avoidance rules (回避):
 *     not active; none of the requested fields; employed by the project's unit; a declared relation with the
 *     project's unit; employed by or related to one of the project's vendors or bidders; unavailable for the
 *     project (declined, already on its panel). Each expert excluded is recorded with every reason found;</li>
 *     <li>each remaining expert gets the key SHA-256(seed ‖ UTF-8(expert id)), the seed being the 32 random bytes
 *     drawn from {@code SecureRandom} when the draw was made (recorded as 64 hex digits);</li>
 *     <li>the experts are ordered by key (bytes compared unsigned, the id breaking a tie): the first {@code experts}
 *     are drawn, the next {@code reserves} are the reserves in order.</li>
 * </ol>
 * The order of the snapshot does not change who is drawn; the seed alone decides among the eligible.
 */
public final class ExpertDrawing {

    private ExpertDrawing() {
    }

    /** An expert excluded from a draw, and why (every reason found, in Chinese). */
    public record Exclusion(String expertId, String name, List<String> reasonsZh) {
        public Exclusion {
            reasonsZh = List.copyOf(reasonsZh);
        }
    }

    /** What a draw gives: the exclusions in the snapshot's order, the experts drawn and the reserves, in order. */
    public record Result(List<Exclusion> exclusions, List<String> drawn, List<String> reserves, int eligible) {
        public Result {
            exclusions = List.copyOf(exclusions);
            drawn = List.copyOf(drawn);
            reserves = List.copyOf(reserves);
        }
    }

    /** Draws from the pool snapshot for the subject as the request asks (fewer when too few are eligible). */
    public static Result draw(String seedHex, List<Expert> pool, DrawSubject subject, DrawRequest request) {
        byte[] seed = HexFormat.of().parseHex(seedHex);
        List<Exclusion> exclusions = new ArrayList<>();
        List<Ranked> eligible = new ArrayList<>();
        for (Expert expert : pool) {
            List<String> reasons = avoidance(expert, subject, request);
            if (reasons.isEmpty()) {
                eligible.add(new Ranked(expert.id(), key(seed, expert.id())));
            } else {
                exclusions.add(new Exclusion(expert.id(), expert.name(), reasons));
            }
        }
        eligible.sort(Comparator.comparing(Ranked::key, Arrays::compareUnsigned).thenComparing(Ranked::id));
        List<String> ids = eligible.stream().map(Ranked::id).toList();
        int drawn = Math.min(request.experts(), ids.size());
        int reserves = Math.min(request.reserves(), ids.size() - drawn);
        return new Result(exclusions, ids.subList(0, drawn), ids.subList(drawn, drawn + reserves), ids.size());
    }

    private record Ranked(String id, byte[] key) {
    }

    /** SHA-256(seed ‖ UTF-8(expert id)). */
    static byte[] key(byte[] seed, String expertId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(seed);
            sha.update(expertId.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Why the expert may not be drawn for the subject, every reason found; empty when the expert may be drawn. */
    public static List<String> avoidance(Expert expert, DrawSubject subject, DrawRequest request) {
        List<String> reasons = new ArrayList<>();
        if (!expert.active()) {
            reasons.add("专家已停用");
        }
        if (expert.fields().stream().noneMatch(request.fields()::contains)) {
            reasons.add("专业领域不符（本次抽取：" + fieldsZh(request.fields()) + "）");
        }
        if (subject.unit().equals(expert.employerUnit())) {
            reasons.add("回避：工作单位为项目实施单位（" + subject.unit().code() + "）");
        }
        for (Expert.UnitRelation r : expert.relatedUnits()) {
            if (r.unit().equals(subject.unit())) {
                reasons.add("回避：与项目实施单位（" + subject.unit().code() + "）有关联" + note(r.note()));
            }
        }
        for (Vendor v : subject.vendors()) {
            if (v.isNamed(expert.employer())) {
                reasons.add("回避：工作单位为本项目供应商或投标人「" + v.name() + "」");
            }
            for (Expert.VendorRelation r : expert.relatedVendors()) {
                if (r.vendor().sameAs(v)) {
                    reasons.add("回避：与本项目供应商或投标人「" + v.name() + "」有关联" + note(r.note()));
                }
            }
        }
        for (DrawSubject.Unavailable u : subject.unavailable()) {
            if (u.expertId().equals(expert.id())) {
                reasons.add(u.reasonZh());
            }
        }
        return reasons;
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? "" : "（" + note + "）";
    }

    /** Fields without repeats, in the list's order. */
    static List<ExpertField> inOrder(Collection<ExpertField> fields) {
        return fields.stream().distinct().sorted().toList();
    }

    static String fieldsZh(Collection<ExpertField> fields) {
        return inOrder(fields).stream().map(ExpertField::zh).collect(Collectors.joining("、"));
    }

    /** The experts of the pool by id. */
    static Optional<Expert> find(List<Expert> pool, String id) {
        return pool.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
