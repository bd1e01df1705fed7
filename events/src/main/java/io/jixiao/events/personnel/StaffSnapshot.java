package io.jixiao.events.personnel;

import io.jixiao.events.findings.Finding;
import java.util.List;

/** A unit-year's staff as personnel-service holds it, with findings; topic {@link io.jixiao.events.Topics#PERSONNEL}. */
public record StaffSnapshot(String unitCode, int fiscalYear, StaffDocument staff, List<Finding> findings) {

    public static final String TYPE = "personnel.snapshot";
}
