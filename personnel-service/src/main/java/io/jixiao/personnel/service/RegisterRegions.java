package io.jixiao.personnel.service;

import io.jixiao.commons.security.UnitRegions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Units' regions from the units register itself, which this service owns (a feeder's region scope is checked here). */
@ApplicationScoped
public class RegisterRegions implements UnitRegions {

    private final EntityManager em;

    public RegisterRegions(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> regionsOf(Collection<String> unitCodes) {
        Map<String, String> regions = new HashMap<>();
        if (unitCodes.isEmpty()) {
            return regions;
        }
        List<Object[]> rows = em.createQuery("select u.unitCode, u.region from UnitProfile u"
                + " where u.unitCode in :codes and u.region is not null", Object[].class)
                .setParameter("codes", unitCodes).getResultList();
        rows.forEach(row -> regions.put((String) row[0], (String) row[1]));
        return regions;
    }
}
