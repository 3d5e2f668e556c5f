package cn.egov.projects.persistence.project;

import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.AccountablePeople;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.persistence.crypto.PersonalFields;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a save writes into the {@code project} row: the {@link ProjectDocuments document}, and beside it the columns
 * that SQL filters, sorts, joins or shows without reading the document — lists ({@code ProjectDao.list}), the
 * workplace and open deadlines (unit, name, classification, state, policy pack) and the contacts a reminder goes to
 * (the accountable people, null when the project names none). Every one of them is derived from the snapshot by
 * {@link #of}, so the columns can never say anything the document does not. {@code version} is the version the
 * snapshot was loaded at, which an update expects to find (an insert writes version 1).
 */
public record ProjectRow(
        UUID id,
        long version,
        String unit,
        String policyId,
        String name,
        int planYear,
        Category category,
        Nature nature,
        boolean classified,
        BigDecimal totalInvestment,
        ProjectState state,
        LocalDate createdOn,
        String leaderName,
        String leaderMobile,
        String leaderEmail,
        String responsibleName,
        String responsibleMobile,
        String responsibleEmail,
        DocumentText document) {

    /** The contact columns, each encrypted ({@link FieldCipher}) with the project's id as its row key. */
    public static final FieldCipher.Field LEADER_MOBILE = PersonalFields.LEADER_MOBILE;
    public static final FieldCipher.Field LEADER_EMAIL = PersonalFields.LEADER_EMAIL;
    public static final FieldCipher.Field RESPONSIBLE_MOBILE = PersonalFields.RESPONSIBLE_MOBILE;
    public static final FieldCipher.Field RESPONSIBLE_EMAIL = PersonalFields.RESPONSIBLE_EMAIL;

    /** The row of a snapshot, contacts in plaintext (tests of the layout only: the adapter encrypts them). */
    public static ProjectRow of(Project.Snapshot s) {
        return of(s, null);
    }

    /**
     * The row of a snapshot, the accountable people's mobile numbers and e-mail addresses encrypted under
     * {@code cipher} in the columns and in the document (none when null).
     */
    public static ProjectRow of(Project.Snapshot s, FieldCipher cipher) {
        return of(s, cipher, false);
    }

    /**
     * {@link #of(Project.Snapshot, FieldCipher)}, the document written {@link ProjectDocuments#write(Project.Snapshot,
     * FieldCipher, boolean) remembering its records' JSON} when {@code rememberRecords}.
     */
    public static ProjectRow of(Project.Snapshot s, FieldCipher cipher, boolean rememberRecords) {
        return of(s, cipher, ProjectDocuments.write(s, cipher, rememberRecords));
    }

    /** {@link #of(Project.Snapshot, FieldCipher)} with the document already written. */
    public static ProjectRow of(Project.Snapshot s, FieldCipher cipher, DocumentText document) {
        String row = s.id().value().toString();
        AccountablePeople people = s.profile().people();
        Person leader = people == null ? null : people.leader();
        Person responsible = people == null ? null : people.responsible();
        return new ProjectRow(
                s.id().value(),
                s.version(),
                s.unit().code(),
                s.policyId(),
                s.profile().name(),
                s.profile().planYear(),
                s.profile().category(),
                s.profile().nature(),
                s.profile().classified(),
                s.profile().totalInvestment().toBigDecimal(),
                s.state(),
                s.createdOn(),
                leader == null ? null : leader.name(),
                seal(cipher, LEADER_MOBILE, row, leader == null ? null : leader.mobile()),
                seal(cipher, LEADER_EMAIL, row, leader == null ? null : leader.email()),
                responsible == null ? null : responsible.name(),
                seal(cipher, RESPONSIBLE_MOBILE, row, responsible == null ? null : responsible.mobile()),
                seal(cipher, RESPONSIBLE_EMAIL, row, responsible == null ? null : responsible.email()),
                document);
    }

    /**
     * The columns of the row besides its state, version and document, as the snapshot says them (the contacts in
     * plaintext): two snapshots of a project with equal columns have rows that differ at most in those three, so a
     * save that finds the columns of the stored version equal writes only those ({@link StateAndDocument}).
     */
    public record Columns(String unit, String policyId, String name, int planYear, Category category, Nature nature,
                          boolean classified, Money totalInvestment, LocalDate createdOn, AccountablePeople people) {

        public static Columns of(Project.Snapshot s) {
            return new Columns(s.unit().code(), s.policyId(), s.profile().name(), s.profile().planYear(),
                    s.profile().category(), s.profile().nature(), s.profile().classified(),
                    s.profile().totalInvestment(), s.createdOn(), s.profile().people());
        }
    }

    /**
     * What a save writes when the row's other {@link Columns} are as stored: the state and the document, under the
     * same version check as a whole row ({@code ProjectDao.updateStateAndDocument}).
     */
    public record StateAndDocument(UUID id, long version, ProjectState state, DocumentText document) {
    }

    private static String seal(FieldCipher cipher, FieldCipher.Field field, String row, String value) {
        return cipher == null ? value : cipher.encryptUnlessUnchanged(field, row, value);
    }
}
