package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.GoalAssessment;
import cn.egov.projects.domain.project.ProjectId;

import java.time.LocalDate;
import java.util.List;

/** The expert acceptance (Art. 24), with the experts' view of the performance goals they judged. */
public record RecordAcceptanceCommand(ProjectId projectId, Long expectedVersion, LocalDate heldOn, boolean passed,
                                      List<String> experts, List<String> documents, String conclusion,
                                      List<GoalAssessment> goalAssessments) implements ProjectCommand {

    public RecordAcceptanceCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        heldOn = Check.date(heldOn, "heldOn", "验收日期");
        experts = Check.items(experts, "experts", "验收专家", 50);
        documents = Check.items(documents, "documents", "验收文档", 100);
        conclusion = Check.text(conclusion, "conclusion", "验收结论", 5000);
        goalAssessments = Check.assessments(goalAssessments);
    }

    /** An acceptance without the experts' view of the goals. */
    public RecordAcceptanceCommand(ProjectId projectId, Long expectedVersion, LocalDate heldOn, boolean passed,
                                   List<String> experts, List<String> documents, String conclusion) {
        this(projectId, expectedVersion, heldOn, passed, experts, documents, conclusion, List.of());
    }
}
