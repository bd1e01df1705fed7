package io.jixiao.personnel.service;

import io.jixiao.commons.documents.DocumentKind;
import io.jixiao.commons.web.Problem;
import java.util.List;

/** A unit-year document personnel-service keeps (staff, assets), with the checks its record types cannot make. */
public interface PersonnelKind<D, C> extends DocumentKind<D, C> {

    /**
     * What is wrong with a document beyond Bean Validation (unknown codes, a date outside the fiscal year …), each
     * named by its path in the request body behind {@code prefix} (e.g. {@code items[3].document.}).
     */
    List<Problem.FieldError> check(int fiscalYear, D document, String prefix);
}
