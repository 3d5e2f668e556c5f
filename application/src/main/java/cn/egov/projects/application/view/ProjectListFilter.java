package cn.egov.projects.application.view;

import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;

import java.util.Locale;
import java.util.Optional;

/**
 * What the person filters a project list by; every part optional.
 *
 * @param text part of the project's name, or the beginning or the end of its number (the end of a time-ordered
 *             number is its short number), as typed into the search box of every page; at most
 *             {@link #MAX_TEXT} characters, trimmed, never blank
 */
public record ProjectListFilter(Optional<Integer> planYear, Optional<UnitId> unit, Optional<ProjectState> state,
                                Optional<Category> category, Optional<String> text) {

    /** The longest text searched for (a project's name has at most 100 characters; a number 36). */
    public static final int MAX_TEXT = 50;

    public ProjectListFilter {
        text = text == null ? Optional.empty() : text.map(String::strip).filter(t -> !t.isEmpty());
        if (text.isPresent() && text.get().length() > MAX_TEXT) {
            throw new IllegalArgumentException("搜索内容不能超过" + MAX_TEXT + "字");
        }
    }

    /** A filter without a searched text. */
    public ProjectListFilter(Optional<Integer> planYear, Optional<UnitId> unit, Optional<ProjectState> state,
                             Optional<Category> category) {
        this(planYear, unit, state, category, Optional.empty());
    }

    public static ProjectListFilter none() {
        return new ProjectListFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Whether a project matches the searched text: its name contains it (letters in any case), or its number begins
     * or ends with it (in any case); true when no text is searched.
     */
    public boolean matchesText(String name, String number) {
        if (text.isEmpty()) {
            return true;
        }
        String t = text.get().toLowerCase(Locale.ROOT);
        String n = number.toLowerCase(Locale.ROOT);
        return name.toLowerCase(Locale.ROOT).contains(t) || n.startsWith(t) || n.endsWith(t);
    }
}
