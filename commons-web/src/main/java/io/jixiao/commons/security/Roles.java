package io.jixiao.commons.security;

/** Realm roles of the {@code jixiao} Keycloak realm (DESIGN §9). */
public final class Roles {

    /** A unit's reporter or department system: pushes and reads its own unit's figures (填报). */
    public static final String UNIT_REPORTER = "unit-reporter";
    /** A unit's approver: submits its unit's report (审核报送). */
    public static final String UNIT_APPROVER = "unit-approver";
    /** The finance department (财政部门): reads every unit, reviews, consolidated queries. */
    public static final String FINANCE = "finance";
    /** Platform administration: indicator frameworks, the units register. */
    public static final String ADMIN = "admin";

    /** The token claim carrying the caller's unit code. */
    public static final String UNIT_CODE_CLAIM = "unit_code";
    /** The token claim listing the units a feeder system serves (多个单位). */
    public static final String UNIT_CODES_CLAIM = "unit_codes";
    /** The token claim naming the region whose every unit a feeder system serves (地区, e.g. 西藏自治区). */
    public static final String UNIT_REGION_CLAIM = "unit_region";

    private Roles() {
    }
}
