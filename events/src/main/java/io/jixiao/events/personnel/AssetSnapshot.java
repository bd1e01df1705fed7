package io.jixiao.events.personnel;

import io.jixiao.events.findings.Finding;
import java.util.List;

/** A unit-year's assets as personnel-service holds them, with findings; topic {@link io.jixiao.events.Topics#ASSETS}. */
public record AssetSnapshot(String unitCode, int fiscalYear, AssetDocument assets, List<Finding> findings) {

    public static final String TYPE = "assets.snapshot";
}
