package cn.egov.projects.domain.project;

/** Art. 19: the project's 分管领导 (leader, accountable overall) and 责任人 (responsible person). */
public record AccountablePeople(Person leader, Person responsible) {
}
