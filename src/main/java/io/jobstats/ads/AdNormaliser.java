package io.jobstats.ads;

import io.jobstats.reference.ReferenceData;
import io.jobstats.reference.Taxonomy;
import io.jobstats.reference.Term;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.BitSet;

/** Derives what the figures need from an ad: its region, role, skills and salary point. */
@ApplicationScoped
public class AdNormaliser {

    @Inject
    ReferenceData reference;

    PreparedAd prepare(AdLine ad) {
        Taxonomy taxonomy = reference.taxonomy();
        Term role = taxonomy.role(ad.title());
        BitSet terms = new BitSet();
        taxonomy.findSkills(ad.title(), ad.description(), role != null, terms);
        int unknown = 0;
        for (String name : ad.skills()) {
            Term t = taxonomy.lookup(name);
            if (t == null || t.isRole()) {
                unknown++;
            } else {
                terms.set(t.id());
            }
        }
        if (role != null) {
            terms.set(role.id());
        }
        Salary salary = ad.salary() != null ? ad.salary() : SalaryText.parse(ad.salaryText());
        Double point = salary == null ? null : salary.point(ad.employment());
        return PreparedAd.of(ad, salary, reference.regions().resolve(ad.location()), role == null ? null : role.id(),
                terms.stream().toArray(), point, Workplace.of(ad.location(), ad.title(), ad.description()), unknown);
    }
}
