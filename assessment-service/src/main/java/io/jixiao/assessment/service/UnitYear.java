package io.jixiao.assessment.service;

/** A unit's fiscal year (单位年度): what is scored. */
public record UnitYear(String unitCode, int fiscalYear) implements Comparable<UnitYear> {

    public UnitYear next() {
        return new UnitYear(unitCode, fiscalYear + 1);
    }

    public UnitYear previous() {
        return new UnitYear(unitCode, fiscalYear - 1);
    }

    @Override
    public int compareTo(UnitYear other) {
        int byUnit = unitCode.compareTo(other.unitCode);
        return byUnit != 0 ? byUnit : Integer.compare(fiscalYear, other.fiscalYear);
    }
}
