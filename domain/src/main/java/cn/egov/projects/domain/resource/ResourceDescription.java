package cn.egov.projects.domain.resource;

/**
 * What a unit writes of one information resource its project builds, as the national 政务信息资源目录 describes a
 * resource: its name, kind, the unit that provides it (信息资源提供方), what it holds, its sharing type with the
 * condition of sharing (or the ground for not sharing) and whether it is opened to the public.
 *
 * @param sharingCondition required unless the resource is shared without condition: the condition (有条件共享) or the
 *                         legal or policy ground (不予共享)
 * <p>Its constructor throws {@link ResourceFieldException} naming the field, when a field is missing, too long or
 * inconsistent.
 */
public record ResourceDescription(String name, ResourceKind kind, String ownerUnit, String description,
                                  SharingType sharing, String sharingCondition, Openness openness) {

    /** The longest resource name. */
    public static final int MAX_NAME = 100;

    /** The longest form a name is compared in ({@link #nameKey()}: folding may lengthen a name), in UTF-16 units. */
    public static final int MAX_NAME_KEY = 300;

    /** The longest name of the providing unit. */
    public static final int MAX_OWNER_UNIT = 100;

    /** The longest description. */
    public static final int MAX_DESCRIPTION = 1_000;

    /** The longest condition of sharing, or ground for not sharing. */
    public static final int MAX_SHARING_CONDITION = 500;

    public ResourceDescription {
        name = FieldTexts.line(name, "name", "资源名称", MAX_NAME);
        if (FieldTexts.key(name).length() > MAX_NAME_KEY) {
            throw new ResourceFieldException("name", "资源名称不能超过" + MAX_NAME + "字");
        }
        if (kind == null) {
            throw new ResourceFieldException("kind", "资源类型不能为空");
        }
        ownerUnit = FieldTexts.line(ownerUnit, "ownerUnit", "资源提供单位", MAX_OWNER_UNIT);
        description = FieldTexts.optional(description, "description", "资源描述", MAX_DESCRIPTION);
        if (sharing == null) {
            throw new ResourceFieldException("sharing", "共享类型不能为空");
        }
        sharingCondition = FieldTexts.optional(sharingCondition, "sharingCondition",
                sharing == SharingType.NOT_SHARED ? "不予共享的依据" : "共享条件", MAX_SHARING_CONDITION);
        if (sharing.needsCondition() && sharingCondition == null) {
            throw new ResourceFieldException("sharingCondition", sharing == SharingType.CONDITIONAL
                    ? "有条件共享的资源须写明共享条件" : "不予共享的资源须写明不予共享的法律、法规或政策依据");
        }
        if (openness == null) {
            throw new ResourceFieldException("openness", "开放属性不能为空");
        }
        if (sharing == SharingType.NOT_SHARED && openness != Openness.NOT_OPEN) {
            throw new ResourceFieldException("openness", "不予共享的资源不能向社会开放");
        }
    }

    /** The form in which two names of one catalogue must differ: full-width folded, lower case, no white space. */
    public String nameKey() {
        return FieldTexts.key(name);
    }
}
