-- Each ad's workplace (ads.Workplace: 0 UNKNOWN, 1 ONSITE, 2 HYBRID, 3 REMOTE), written by the load from then on.
-- The ads held before are classified here by the same rules in PostgreSQL's regular expressions (\y is a word
-- boundary); WorkplaceTest checks this function against the Java rules phrase by phrase.
CREATE FUNCTION workplace_of(location text, title text, description text) RETURNS smallint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT CASE
    WHEN EXISTS (SELECT FROM unnest(ARRAY[location, title, description]) t
                 WHERE t ~* '\yhybrid\y|\y(?:[1-4]|one|two|three|four)\s+days?\y(?:\W+\w+){0,3}\W+(?:in the office|in office|on-site|onsite)\y')
        THEN 2
    WHEN EXISTS (SELECT FROM unnest(ARRAY[location, title, description]) t
                 WHERE t ~* '\y(?:remote|fully remote|work from home|working from home|wfh)\y')
        THEN 3
    WHEN EXISTS (SELECT FROM unnest(ARRAY[location, title, description]) t
                 WHERE t ~* '\y(?:on-site|onsite|office-based|office based)\y')
        THEN 1
    ELSE 0
END::smallint
$$;

ALTER TABLE ad ADD COLUMN workplace smallint NOT NULL DEFAULT 0;
UPDATE ad SET workplace = workplace_of(location, title, description) WHERE workplace_of(location, title, description) <> 0;

ALTER TABLE ad_fact ADD COLUMN workplace smallint NOT NULL DEFAULT 0;
UPDATE ad_fact f SET workplace = a.workplace FROM ad a WHERE a.id = f.ad_id AND a.workplace <> 0;

-- A workplace share or filter of a universe stays an index-only scan.
DROP INDEX ad_fact_universe;
CREATE INDEX ad_fact_universe ON ad_fact (employment, posted_on, region_pos) INCLUDE (role_id, salary_point, workplace);
-- The planner's row counts for ad_fact were taken before the columns above: without fresh ones it expects a few
-- hundred rows of a universe that holds tens of thousands.
ANALYZE ad_fact;
