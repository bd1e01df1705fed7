package io.jixiao.commons.units;

import io.jixiao.commons.security.UnitRegions;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Units' regions as this service's read model of the units register holds them (one query for a whole batch). */
@ApplicationScoped
@DefaultBean
public class KnownUnitRegions implements UnitRegions {

    private final EntityManager em;

    public KnownUnitRegions(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> regionsOf(Collection<String> unitCodes) {
        Map<String, String> regions = new HashMap<>();
        if (unitCodes.isEmpty()) {
            return regions;
        }
        List<Object[]> rows = em.createQuery("select u.unitCode, u.region from KnownUnit u where u.unitCode in :codes"
                + " and u.region is not null", Object[].class).setParameter("codes", unitCodes).getResultList();
        rows.forEach(row -> regions.put((String) row[0], (String) row[1]));
        return regions;
    }
}
