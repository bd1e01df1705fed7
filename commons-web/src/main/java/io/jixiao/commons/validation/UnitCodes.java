package io.jixiao.commons.validation;

/** What a unit code looks like, for every service's paths and bodies. */
public final class UnitCodes {

    /** Upper-case letters, digits and dashes, 2–32 characters (e.g. {@code XZ-WXB}). */
    public static final String PATTERN = "^[A-Z0-9][A-Z0-9-]{1,31}$";

    private UnitCodes() {
    }
}
