-- The universe of a small region: ad_fact_universe leads with the posting date, so a village's six months read the
-- index entries of every ad of the country in those months (~50,000 on 1M ads) to keep a handful. Led by the
-- region's position instead, a region's entries are adjacent whatever the period, and the planner takes whichever
-- index reads fewer: this one for authorities, towns and villages, the other for the nations and the UK. Distinct
-- term pages on 1M ads, one connection: 9.0 -> 48 pages/s (docs/benchmarks.md).
CREATE INDEX ad_fact_place ON ad_fact (employment, region_pos, posted_on) INCLUDE (role_id, salary_point, workplace);
ANALYZE ad_fact;
