package cn.egov.projects.persistence.unit;

/** A {@code unit} row; {@code kind} is the name of {@code Unit.Kind}. */
public record UnitRow(String code, String nameZh, String kind) {
}
