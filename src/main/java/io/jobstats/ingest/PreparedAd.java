package io.jobstats.ingest;

import io.jobstats.geography.RegionTree;

/**
 * An ad ready to store: what it says, plus the region, role, terms and salary point derived from it, and its COPY
 * rows without the id (rendered where the ads are parsed in parallel, not on the single writer thread; null until then).
 */
record PreparedAd(AdLine ad, Salary salary, RegionTree.Resolution region, Integer roleId, int[] termIds,
                  Double salaryPoint, int unknownSkills, byte[] adRow, byte[] factRow) {

    PreparedAd rendered() {
        return new PreparedAd(ad, salary, region, roleId, termIds, salaryPoint, unknownSkills, AdWriter.adRow(this),
                AdWriter.factRow(this));
    }
}
