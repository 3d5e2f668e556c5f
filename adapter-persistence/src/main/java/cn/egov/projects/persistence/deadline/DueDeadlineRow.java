package cn.egov.projects.persistence.deadline;

import cn.egov.projects.application.view.DueDeadline;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.ProjectState;

import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.persistence.crypto.PersonalFields;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An open {@code deadline} row with the columns of its project, among them the contacts of its two accountable
 * people (null where the project has none yet).
 */
public record DueDeadlineRow(UUID id, UUID projectId, DeadlineKind kind, String ref, LocalDate startDate,
                             LocalDate dueDate, boolean provisional, String unit, String projectName,
                             boolean classified, ProjectState state, String policyId, String leaderName,
                             String leaderMobile, String leaderEmail, String responsibleName,
                             String responsibleMobile, String responsibleEmail) {

    /** The open deadline with its project and people, as the application sees it (contacts as stored). */
    public DueDeadline toDueDeadline() {
        return toDueDeadline(null);
    }

    /** The open deadline with its project and people, the people's contacts decrypted under {@code cipher}. */
    public DueDeadline toDueDeadline(FieldCipher cipher) {
        String row = projectId.toString();
        Deadline deadline = Deadline.open(id, kind, ref, startDate, dueDate, provisional);
        return new DueDeadline(deadline, new ProjectId(projectId), new UnitId(unit), projectName, classified, state,
                policyId, person(leaderName, open(cipher, PersonalFields.LEADER_MOBILE, row, leaderMobile),
                        open(cipher, PersonalFields.LEADER_EMAIL, row, leaderEmail)),
                person(responsibleName, open(cipher, PersonalFields.RESPONSIBLE_MOBILE, row, responsibleMobile),
                        open(cipher, PersonalFields.RESPONSIBLE_EMAIL, row, responsibleEmail)));
    }

    private static String open(FieldCipher cipher, FieldCipher.Field field, String row, String value) {
        return cipher == null ? value : cipher.decrypt(field, row, value);
    }

    private static Person person(String name, String mobile, String email) {
        return name == null ? null : new Person(name, mobile, email);
    }
}
