package cn.egov.projects.persistence.window;

import java.time.LocalDate;

/** A {@code declaration_window} row. */
public record WindowRow(int planYear, LocalDate opensOn, LocalDate closesOn) {
}
