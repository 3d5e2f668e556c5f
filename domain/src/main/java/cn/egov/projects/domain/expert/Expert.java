package cn.egov.projects.domain.expert;

import cn.egov.projects.domain.project.UnitId;

import java.util.List;
import java.util.Objects;

/**
 * An expert of the pool (专家库), kept by the Bureau and linked to an {@code EXPERT} account.
 *
 * @param id             stable id of the pool entry
 * @param userId         the expert's account
 * @param name           the expert's name
 * @param fields         the fields the expert may be drawn for (at least one), in the list's order
 * @param employer       工作单位, as written
 * @param employerUnit   the municipal unit the expert works for, when it is one (avoided for its own projects)
 * @param relatedUnits   units the expert declares a relation with (worked for it within three years, say)
 * @param relatedVendors companies the expert declares a relation with (employment, shares, consultancy)
 * @param active         whether the expert may be drawn
 */
public record Expert(String id, String userId, String name, List<ExpertField> fields, String employer,
                     UnitId employerUnit, List<UnitRelation> relatedUnits, List<VendorRelation> relatedVendors,
                     boolean active) {

    /** A unit the expert declares a relation with, and what the relation is. */
    public record UnitRelation(UnitId unit, String note) {
        public UnitRelation {
            Objects.requireNonNull(unit, "unit");
            note = note == null ? "" : note.strip();
        }
    }

    /** A company the expert declares a relation with, and what the relation is. */
    public record VendorRelation(Vendor vendor, String note) {
        public VendorRelation {
            Objects.requireNonNull(vendor, "vendor");
            note = note == null ? "" : note.strip();
        }
    }

    public Expert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("an expert needs at least one field");
        }
        fields = ExpertDrawing.inOrder(fields);
        employer = employer == null ? "" : employer.strip();
        relatedUnits = relatedUnits == null ? List.of() : List.copyOf(relatedUnits);
        relatedVendors = relatedVendors == null ? List.of() : List.copyOf(relatedVendors);
    }

    /** The fields in the list's order, e.g. "软件开发、网络安全". */
    public String fieldsZh() {
        return ExpertDrawing.fieldsZh(fields);
    }
}
