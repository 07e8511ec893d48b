-- The universe of a small region: ad_fact_universe leads with the posting date, so a village's six months read the
-- index entries of every ad of the country in those months (~50,000 on 1M ads) to keep a handful. Led by the
-- region's position instead, a region's entries are adjacent whatever the period, and the planner takes whichever
-- index reads fewer: this one for authorities, towns and villages, the other for the nations and the UK.
-- Both carry the ads' terms, so that term counts, co-occurrences and the market index read no table row: a
-- universe's ads are then adjacent index entries rather than rows scattered over the table (an Edinburgh year's
-- ~2,700 ads: 27 -> 4 ms). Distinct term pages on 1M ads, regions by level, one connection: 7 -> 14 pages/s
-- (docs/benchmarks.md). Each index is about 180 bytes an ad.
DROP INDEX ad_fact_universe;
CREATE INDEX ad_fact_universe ON ad_fact (employment, posted_on, region_pos) INCLUDE (role_id, salary_point, workplace, terms);
CREATE INDEX ad_fact_place ON ad_fact (employment, region_pos, posted_on) INCLUDE (role_id, salary_point, workplace, terms);
ANALYZE ad_fact;
