package io.jixiao.commons.security;

import java.util.Collection;
import java.util.Map;

/**
 * Where units are (地区), as far as a service knows them: what a feeder identity's region scope is checked against
 * ({@link UnitAccess}). The units register (personnel-service) answers from its own register, the other services from
 * their read model of it; a unit a service does not know is in no region, so a region scope does not cover it.
 */
public interface UnitRegions {

    /** The region of each of the units that is known (units not known are absent from the answer). */
    Map<String, String> regionsOf(Collection<String> unitCodes);
}
