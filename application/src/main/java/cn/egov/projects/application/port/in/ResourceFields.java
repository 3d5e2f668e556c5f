package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.domain.resource.Openness;
import cn.egov.projects.domain.resource.ResourceDescription;
import cn.egov.projects.domain.resource.ResourceFieldException;
import cn.egov.projects.domain.resource.ResourceKind;
import cn.egov.projects.domain.resource.SharingType;

/** A catalogue entry's fields as a command takes them: what the domain cannot keep fails naming the field. */
public final class ResourceFields {

    private ResourceFields() {
    }

    /**
     * What a unit writes of a resource, checked by the domain ({@link ResourceDescription}).
     *
     * @throws InvalidCommandException naming the field
     */
    public static ResourceDescription description(String name, ResourceKind kind, String ownerUnit,
                                                  String description, SharingType sharing, String sharingCondition,
                                                  Openness openness) {
        try {
            return new ResourceDescription(name, kind, ownerUnit, description, sharing, sharingCondition, openness);
        } catch (ResourceFieldException e) {
            throw new InvalidCommandException(e.field(), e.messageZh());
        }
    }
}
