package io.jobstats.ads;

import io.jobstats.reference.RegionTree;

/**
 * An ad ready to store: what it says, plus the region, role, terms, salary point and workplace derived from it, and its COPY
 * rows without the id (rendered where the ads are parsed in parallel, not on the single writer thread).
 */
record PreparedAd(AdLine ad, Salary salary, RegionTree.Resolution region, Integer roleId, int[] termIds,
                  Double salaryPoint, Workplace workplace, int unknownSkills, byte[] adRow, byte[] factRow) {

    /** The ad with its derived fields, and its COPY rows rendered from them. */
    static PreparedAd of(AdLine ad, Salary salary, RegionTree.Resolution region, Integer roleId, int[] termIds,
                         Double salaryPoint, Workplace workplace, int unknownSkills) {
        PreparedAd bare = new PreparedAd(ad, salary, region, roleId, termIds, salaryPoint, workplace, unknownSkills, null, null);
        return new PreparedAd(ad, salary, region, roleId, termIds, salaryPoint, workplace, unknownSkills,
                AdWriter.adRow(bare), AdWriter.factRow(bare));
    }
}
