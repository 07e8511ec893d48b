package io.jobstats.ingest;

import io.jobstats.geography.RegionTree;

/** An ad ready to store: what it says, plus the region, role, terms and salary point derived from it. */
record PreparedAd(AdLine ad, Salary salary, RegionTree.Resolution region, Integer roleId, int[] termIds,
                  Double salaryPoint, int unknownSkills) {
}
