package io.jixiao.report.rest;

/** Path parameter patterns shared by the resources. */
final class Paths {

    static final String UNIT_CODE = io.jixiao.commons.validation.UnitCodes.PATTERN;
    static final String RULE_ID = "^[A-Z0-9][A-Z0-9-]{1,63}$";

    private Paths() {
    }
}
