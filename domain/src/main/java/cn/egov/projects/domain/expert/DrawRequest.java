package cn.egov.projects.domain.expert;

import java.util.List;

/**
 * What the Bureau asks a draw for: experts of any of the fields, how many, and how many reserves (drawn in order to
 * replace an expert who declines).
 */
public record DrawRequest(List<ExpertField> fields, int experts, int reserves) {

    public DrawRequest {
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("a draw names at least one field");
        }
        fields = ExpertDrawing.inOrder(fields);
        if (experts < 1 || experts > 30) {
            throw new IllegalArgumentException("experts must be 1..30: " + experts);
        }
        if (reserves < 0 || reserves > 30) {
            throw new IllegalArgumentException("reserves must be 0..30: " + reserves);
        }
    }
}
