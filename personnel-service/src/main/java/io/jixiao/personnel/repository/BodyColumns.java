package io.jixiao.personnel.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A unit's bodies of one kind (内设机构, 所属事业单位, 派驻机构) as three columns of {@code unit_profile}: the count (null
 * when not disclosed), whether it is disclosed, and the names as a JSON array. Each use names its columns.
 */
@Embeddable
public class BodyColumns {

    @Column(name = "count")
    public Integer count;

    @Column(name = "disclosed", nullable = false)
    public boolean disclosed;

    @Column(name = "names", nullable = false)
    public String names;
}
